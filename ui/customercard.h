#pragma once

#include <QFrame>

class QLabel;
class QStackedWidget;

namespace sanad::ui {

class NewCallerForm;
class ScreenPop;

// The caller card of the screen-pop, following a ScreenPop: the customer (name isolated as
// text of unknown direction, every number isolated left to right, city, national ID, what was
// verified before, by whom and when), or the new-caller form for a number not on file, or a
// sentence for the other states (waiting, looking up, withheld number, lookup failed).
class CustomerCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerCard)

public:
    explicit CustomerCard(ScreenPop *screenPop, QWidget *parent = nullptr);
    ~CustomerCard() override;

    NewCallerForm *newCallerForm() const { return m_newCaller; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void onStateChanged();

    ScreenPop *m_screenPop;
    QStackedWidget *m_stack;
    QWidget *m_messagePage;
    QLabel *m_messageTitle;
    QLabel *m_message;
    QWidget *m_customerPage;
    QLabel *m_heading;
    QLabel *m_name;
    QLabel *m_phonesLabel;
    QLabel *m_phones;
    QLabel *m_cityLabel;
    QLabel *m_city;
    QLabel *m_nationalIdLabel;
    QLabel *m_nationalId;
    QLabel *m_sinceLabel;
    QLabel *m_since;
    QLabel *m_verifiedLabel;
    QLabel *m_verified;
    NewCallerForm *m_newCaller;
};

} // namespace sanad::ui

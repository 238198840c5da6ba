#pragma once

#include "client/types.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace sanad::ui {

// The "new caller" card for a number that is not on file: the normalised number and a quick
// form (name required, city, national ID). Checks the fields itself and shows each problem next
// to its field; emits createRequested with a valid customer. Arabic-Indic and Persian digits
// are accepted and sent as ASCII digits.
class NewCallerForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewCallerForm)

public:
    explicit NewCallerForm(QWidget *parent = nullptr);
    ~NewCallerForm() override;

    // The number shown on the card and stored with the customer. valid=false adds a note that the
    // number's range is unknown (the customer can still be created).
    void setNumber(const QString &number, bool valid = true);
    QString number() const { return m_number; }
    // Empties the fields and the error texts.
    void reset();
    void setBusy(bool busy);
    // The server refused the customer: shown under the form.
    void showServerError(const client::ClientError &error);
    void focusName();

Q_SIGNALS:
    void createRequested(const sanad::client::NewCustomer &customer);

protected:
    void changeEvent(QEvent *event) override;

private:
    void submit();
    bool validate();
    void retranslateUi();

    QString m_number;
    bool m_numberValid = true;
    bool m_busy = false;
    bool m_triedSubmit = false;
    QLabel *m_heading;
    QLabel *m_numberLabel;
    QLabel *m_numberNote;
    QLabel *m_nameLabel;
    QLabel *m_cityLabel;
    QLabel *m_nationalIdLabel;
    QLineEdit *m_name;
    QLineEdit *m_city;
    QLineEdit *m_nationalId;
    QLabel *m_nameError;
    QLabel *m_nationalIdError;
    QLabel *m_serverError;
    QPushButton *m_create;
    client::ClientError m_lastServerError;
};

} // namespace sanad::ui

#include "server/service/scriptservice.h"

#include "core/clock.h"
#include "core/phonenumber.h"
#include "core/scriptrun.h"
#include "server/auth/authorizer.h"
#include "server/service/scriptlibrary.h"
#include "server/service/servicecontext.h"
#include "server/service/unaryhandler.h"
#include "server/storage/customerrepository.h"
#include "server/storage/scriptrepository.h"
#include "server/storage/transaction.h"
#include "server/util/protoutil.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

QString codeHash(const QString &customerId, const QString &code)
{
    return QString::fromLatin1(
        QCryptographicHash::hash((customerId + u':' + code).toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

ScriptService::ScriptService(ServiceContext &context, OneTimeCodeSender *codeSender)
    : m_context(context)
    , m_codeSender(codeSender)
{ }

grpc::ServerUnaryReactor *ScriptService::PublishScript(grpc::CallbackServerContext *context,
                                                       const v1::PublishScriptRequest *request,
                                                       v1::PublishScriptResponse *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kPublishScript);
        if (!auth.ok())
            return auth.status;
        if (request->script_json().size() > size_t(kMaxScriptBytes))
            return invalidArgument(u"The script is larger than 512 KB: split it into several scripts."_s);
        Transaction transaction(m_context.database);
        const ScriptLibrary::Published published = ScriptLibrary(m_context.database)
                                                       .publish(QByteArray::fromStdString(request->script_json()),
                                                                auth.user.displayName, m_context.clock.nowMs());
        if (!published.problems.isEmpty())
            return invalidArgument(u"The script was not published; fix these first:\n"_s
                                   + published.problems.join(u'\n'));
        transaction.commit();
        *response->mutable_script() = published.document;
        response->set_unchanged(published.unchanged);
        return grpc::Status::OK;
    });
    return reactor;
}

grpc::ServerUnaryReactor *ScriptService::ListScripts(grpc::CallbackServerContext *context,
                                                     const v1::ListScriptsRequest *request,
                                                     v1::ListScriptsResponse *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kListScripts);
        if (!auth.ok())
            return auth.status;
        for (const v1::ScriptDocument &d : ScriptRepository(m_context.database).current(!request->without_bodies()))
            *response->add_scripts() = d;
        return grpc::Status::OK;
    });
    return reactor;
}

grpc::ServerUnaryReactor *ScriptService::GetScript(grpc::CallbackServerContext *context,
                                                   const v1::GetScriptRequest *request, v1::ScriptDocument *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kGetScript);
        if (!auth.ok())
            return auth.status;
        if (request->version() < 0)
            return invalidArgument(u"The version is negative: give a published version, or 0 for the current one."_s);
        const std::optional<v1::ScriptDocument> d
            = ScriptRepository(m_context.database).find(fromStd(request->script_id()), request->version());
        if (!d)
            return notFound(u"Script \"%1\" has no published version %2: list the scripts to see what exists."_s.arg(
                fromStd(request->script_id()),
                request->version() == 0 ? u"at all"_s : QString::number(request->version())));
        *response = *d;
        return grpc::Status::OK;
    });
    return reactor;
}

grpc::ServerUnaryReactor *ScriptService::GetScriptStats(grpc::CallbackServerContext *context,
                                                        const v1::GetScriptStatsRequest *request,
                                                        v1::ScriptStats *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kGetScriptStats);
        if (!auth.ok())
            return auth.status;
        if (request->callback_days() < 0 || request->callback_days() > 90)
            return invalidArgument(u"callback_days must be from 1 to 90, or 0 for 7."_s);
        const std::optional<v1::ScriptStats> stats
            = ScriptLibrary(m_context.database)
                  .stats(fromStd(request->script_id()), request->version(), request->callback_days());
        if (!stats)
            return notFound(u"Script \"%1\" has no published version %2."_s.arg(fromStd(request->script_id()))
                                .arg(request->version()));
        *response = *stats;
        return grpc::Status::OK;
    });
    return reactor;
}

grpc::ServerUnaryReactor *ScriptService::SendIdentityCode(grpc::CallbackServerContext *context,
                                                          const v1::SendIdentityCodeRequest *request,
                                                          v1::SendIdentityCodeResponse *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kSendIdentityCode);
        if (!auth.ok())
            return auth.status;
        const QString customerId = fromStd(request->customer_id());
        const std::optional<v1::Customer> customer = CustomerRepository(m_context.database).find(customerId);
        if (!customer)
            return notFound(u"There is no customer \"%1\": open the caller's record first."_s.arg(customerId));
        if (customer->phones_size() == 0)
            return failedPrecondition(u"The customer has no registered number to send a code to: verify with "
                                      "questions from the record instead."_s);
        if (!m_codeSender)
            return failedPrecondition(u"This server sends no one-time codes (no sender is configured): verify "
                                      "with questions, and ask the administrator to configure a sender."_s);
        const QString phone = fromStd(customer->phones(0));
        const QString code = u"%1"_s.arg(QRandomGenerator::system()->bounded(1000000), 6, 10, QChar(u'0'));
        const qint64 expires = m_context.clock.nowMs() + kCodeLifetimeMs;
        {
            Transaction transaction(m_context.database);
            ScriptRepository(m_context.database)
                .storeCode(customerId, codeHash(customerId, code), expires, kCodeAttempts);
            transaction.commit();
        }
        if (const std::optional<QString> error = m_codeSender->send(phone, code))
            return grpc::Status(
                grpc::StatusCode::UNAVAILABLE,
                u"The code could not be sent (%1): try again, or verify with questions."_s.arg(*error).toStdString());
        response->set_masked_number(toStd(u"••••"_s + phone.right(4)));
        setTimestampMs(response->mutable_expires_at(), expires);
        return grpc::Status::OK;
    });
    return reactor;
}

grpc::ServerUnaryReactor *ScriptService::CheckIdentityCode(grpc::CallbackServerContext *context,
                                                           const v1::CheckIdentityCodeRequest *request,
                                                           v1::CheckIdentityCodeResponse *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kCheckIdentityCode);
        if (!auth.ok())
            return auth.status;
        const QString customerId = fromStd(request->customer_id());
        Transaction transaction(m_context.database);
        ScriptRepository scripts(m_context.database);
        const std::optional<ScriptRepository::StoredCode> stored = scripts.code(customerId);
        const qint64 now = m_context.clock.nowMs();
        if (!stored || stored->expiresAtMs < now || stored->attemptsLeft <= 0)
            return failedPrecondition(u"No code is waiting for this customer (none was sent, it expired after 10 "
                                      "minutes, or it was tried three times): send a new code."_s);
        const QString typed = PhoneNumberNormalizer::foldDigitsAndMarks(fromStd(request->code())).remove(u' ');
        if (codeHash(customerId, typed) == stored->codeHash) {
            scripts.removeCode(customerId);
            scripts.recordVerification(customerId, u"one_time_code"_s, now, auth.user.displayName);
            transaction.commit();
            response->set_verified(true);
            response->set_attempts_left(0);
            return grpc::Status::OK;
        }
        const int left = stored->attemptsLeft - 1;
        if (left <= 0)
            scripts.removeCode(customerId);
        else
            scripts.setAttemptsLeft(customerId, left);
        transaction.commit();
        response->set_verified(false);
        response->set_attempts_left(left);
        return grpc::Status::OK;
    });
    return reactor;
}

} // namespace sanad::server

#pragma once

#include "http_message.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

// The OpenID Connect provider's own pages: sign-in, the second factor, consent, logout, errors.
// Server-rendered HTML without outside assets, under a CSP that allows only their own stylesheet
// (by hash) and posting forms to this server (and, for the redirect that follows, to the
// application's origin); in English, German or French; labelled for screen readers. Pages that
// offer a passkey carry one script, allowed by its hash, that runs the WebAuthn ceremony and posts
// its answer as a form; without it (or without WebAuthn) the passkey's form stays hidden.
namespace keyward::pages {

enum class Language { English, German, French };

// The first of the user's languages that is offered: `ui_locales` (OpenID Connect) before the
// browser's Accept-Language; English otherwise.
Language language(const QString &uiLocales, const QByteArray &acceptLanguage);

// Which text a page shows.
enum class Text {
    SignInTitle,
    ContinueTo,
    Login,
    Password,
    SignIn,
    SecondFactorTitle,
    SecondFactorHelp,
    Code,
    Verify,
    ConsentTitle,
    ConsentIntro,
    SignedInAs,
    Allow,
    Deny,
    ScopeOpenid,
    ScopeProfile,
    ScopeEmail,
    ScopeRoles,
    ScopeOfflineAccess,
    ErrorTitle,
    BadCredentials,
    BadCode,
    TooManyAttempts,
    AccountDisabled,
    SignInExpired,
    FormExpired,
    UnknownClient,
    UnregisteredRedirect,
    PasswordChangeRequired,
    SomethingWentWrong,
    SignedOutTitle,
    SignedOut,
    SignOutTitle,
    SignOutQuestion,
    SignOut,
    SignInWithPasskey,
    UsePasskey,
    PasskeyHelp,
    PasskeyFailed,
    PasskeyAfterPassword,
    PasskeyOfferTitle,
    PasskeyOfferHelp,
    AddPasskey,
    NotNow,
    Count
};

QString text(Language language, Text which);

// What every form page needs: the language, the anti-forgery token of the browser (also in its
// cookie), where its form posts to, the origin the answer may redirect the form to, and the
// request parameters the form carries along.
struct Form {
    Language language = Language::English;
    QString csrf;
    QString action;
    QString redirectOrigin;
    QList<QPair<QString, QString>> carried;
    // Where the sign-in page's script fetches the options of a passkey sign-in; none: not offered.
    QString passkeyOptionsUrl;
};

// What the second-factor page offers: a code (TOTP or recovery), a passkey (request options for
// its script, as JSON), or both.
struct SecondFactorOffer {
    QString mfaToken;
    bool code = true;
    QByteArray passkeyOptions;
};

HttpResponse signIn(const Form &form, const QString &application, const QString &login, std::optional<Text> error);
HttpResponse secondFactor(const Form &form, const QString &application, const SecondFactorOffer &offer,
                          std::optional<Text> error);
// After a sign-in with a password: add a passkey (WebAuthn creation `options`, as JSON, for the
// page's script), or not now.
HttpResponse passkeyOffer(const Form &form, const QByteArray &options, std::optional<Text> error);
HttpResponse consent(const Form &form, const QString &application, const QString &user, const QStringList &scopes);
HttpResponse signOut(const Form &form);
HttpResponse signedOut(Language language);
HttpResponse error(Language language, int status, Text message);

} // namespace keyward::pages

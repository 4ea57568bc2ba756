#include "hosted_pages.h"

#include "crypto/digest.h"

#include <array>

namespace keyward::pages {

namespace {

using Texts = std::array<const char *, static_cast<size_t>(Text::Count)>;

// One line per Text, in its order; %1 is filled in by the page.
constexpr Texts English{
    "Sign in",
    "to continue to %1",
    "Username or email",
    "Password",
    "Sign in",
    "Two-step verification",
    "Enter the six-digit code from your authenticator app, or one of your recovery codes.",
    "Code",
    "Verify",
    "Allow access?",
    "%1 asks to:",
    "Signed in as %1",
    "Allow",
    "Deny",
    "Know who you are",
    "See your name and username",
    "See your email address",
    "See your roles",
    "Stay connected while you are away",
    "Sign-in cannot continue",
    "The username or password is incorrect.",
    "The code is incorrect.",
    "Too many attempts. Try again later.",
    "This account is disabled. Contact an administrator.",
    "This sign-in took too long. Go back to the application and start again.",
    "The form has expired. Go back to the application and start again.",
    "The application is not registered with this server.",
    "The application asked to return to an address it has not registered.",
    "Your password must be changed before you can sign in to applications.",
    "Something went wrong. Try again later.",
    "Signed out",
    "You are signed out.",
    "Sign out?",
    "Do you want to sign out?",
    "Sign out",
    "Sign in with a passkey",
    "Use a passkey",
    "Confirm that it is you with one of your passkeys.",
    "The passkey was not accepted. Try again, or use another way.",
    "Enter your password first: your passkey is the second step.",
    "Sign in faster next time?",
    "Add a passkey, and next time sign in with your fingerprint, face or screen lock instead of your password.",
    "Add a passkey",
    "Not now",
};

constexpr Texts German{
    "Anmelden",
    "um mit %1 fortzufahren",
    "Benutzername oder E-Mail",
    "Passwort",
    "Anmelden",
    "Bestätigung in zwei Schritten",
    "Geben Sie den sechsstelligen Code aus Ihrer Authenticator-App oder einen Ihrer Wiederherstellungscodes ein.",
    "Code",
    "Bestätigen",
    "Zugriff erlauben?",
    "%1 möchte:",
    "Angemeldet als %1",
    "Erlauben",
    "Ablehnen",
    "Wissen, wer Sie sind",
    "Ihren Namen und Benutzernamen sehen",
    "Ihre E-Mail-Adresse sehen",
    "Ihre Rollen sehen",
    "Verbunden bleiben, während Sie abwesend sind",
    "Die Anmeldung kann nicht fortgesetzt werden",
    "Benutzername oder Passwort ist falsch.",
    "Der Code ist falsch.",
    "Zu viele Versuche. Versuchen Sie es später erneut.",
    "Dieses Konto ist deaktiviert. Wenden Sie sich an einen Administrator.",
    "Diese Anmeldung hat zu lange gedauert. Kehren Sie zur Anwendung zurück und beginnen Sie neu.",
    "Das Formular ist abgelaufen. Kehren Sie zur Anwendung zurück und beginnen Sie neu.",
    "Die Anwendung ist bei diesem Server nicht registriert.",
    "Die Anwendung möchte zu einer Adresse zurückkehren, die sie nicht registriert hat.",
    "Sie müssen Ihr Passwort ändern, bevor Sie sich bei Anwendungen anmelden können.",
    "Etwas ist schiefgegangen. Versuchen Sie es später erneut.",
    "Abgemeldet",
    "Sie sind abgemeldet.",
    "Abmelden?",
    "Möchten Sie sich abmelden?",
    "Abmelden",
    "Mit einem Passkey anmelden",
    "Passkey verwenden",
    "Bestätigen Sie mit einem Ihrer Passkeys, dass Sie es sind.",
    "Der Passkey wurde nicht akzeptiert. Versuchen Sie es erneut, oder wählen Sie einen anderen Weg.",
    "Geben Sie zuerst Ihr Passwort ein: Ihr Passkey ist der zweite Schritt.",
    "Nächstes Mal schneller anmelden?",
    "Fügen Sie einen Passkey hinzu, und melden Sie sich nächstes Mal mit Fingerabdruck, Gesicht oder "
    "Bildschirmsperre statt mit Ihrem Passwort an.",
    "Passkey hinzufügen",
    "Nicht jetzt",
};

constexpr Texts French{
    "Connexion",
    "pour continuer vers %1",
    "Nom d’utilisateur ou e-mail",
    "Mot de passe",
    "Se connecter",
    "Validation en deux étapes",
    "Saisissez le code à six chiffres de votre application d’authentification, ou l’un de vos codes de "
    "récupération.",
    "Code",
    "Valider",
    "Autoriser l’accès ?",
    "%1 demande à :",
    "Connecté en tant que %1",
    "Autoriser",
    "Refuser",
    "Savoir qui vous êtes",
    "Voir votre nom et votre nom d’utilisateur",
    "Voir votre adresse e-mail",
    "Voir vos rôles",
    "Rester connecté en votre absence",
    "La connexion ne peut pas continuer",
    "Le nom d’utilisateur ou le mot de passe est incorrect.",
    "Le code est incorrect.",
    "Trop de tentatives. Réessayez plus tard.",
    "Ce compte est désactivé. Contactez un administrateur.",
    "Cette connexion a pris trop de temps. Revenez à l’application et recommencez.",
    "Le formulaire a expiré. Revenez à l’application et recommencez.",
    "L’application n’est pas enregistrée auprès de ce serveur.",
    "L’application demande à revenir à une adresse qu’elle n’a pas enregistrée.",
    "Vous devez changer votre mot de passe avant de vous connecter à des applications.",
    "Une erreur s’est produite. Réessayez plus tard.",
    "Déconnecté",
    "Vous êtes déconnecté.",
    "Se déconnecter ?",
    "Voulez-vous vous déconnecter ?",
    "Se déconnecter",
    "Se connecter avec une clé d’accès",
    "Utiliser une clé d’accès",
    "Confirmez votre identité avec l’une de vos clés d’accès.",
    "La clé d’accès n’a pas été acceptée. Réessayez, ou choisissez un autre moyen.",
    "Saisissez d’abord votre mot de passe : votre clé d’accès est la deuxième étape.",
    "Vous connecter plus vite la prochaine fois ?",
    "Ajoutez une clé d’accès, et connectez-vous la prochaine fois avec votre empreinte, votre visage ou le "
    "verrouillage de l’écran au lieu de votre mot de passe.",
    "Ajouter une clé d’accès",
    "Pas maintenant",
};

// Readable on any screen, visible focus, enough contrast; no web fonts, images or scripts.
constexpr char Style[] =
    ":root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}"
    "body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;"
    "background:Canvas;color:CanvasText}"
    "main{width:min(24rem,100% - 2rem);padding:2rem;border:1px solid GrayText;border-radius:.75rem}"
    "h1{font-size:1.5rem;margin:0 0 .25rem}p{margin:.25rem 0 1rem}"
    "label{display:block;font-weight:600;margin-top:1rem}"
    "input{box-sizing:border-box;width:100%;font:inherit;padding:.5rem;margin-top:.25rem;"
    "border:1px solid GrayText;border-radius:.375rem}"
    ".actions{display:flex;gap:.75rem;margin-top:1.5rem}"
    "button{flex:1;font:inherit;font-weight:600;padding:.6rem 1rem;border-radius:.375rem;cursor:pointer;"
    "border:2px solid #1d4ed8;background:#1d4ed8;color:#fff}"
    "button.secondary{background:transparent;color:inherit;border-color:GrayText}"
    ":focus-visible{outline:3px solid #f59e0b;outline-offset:2px}"
    ".error{border-left:4px solid #b91c1c;padding:.5rem .75rem;background:#b91c1c1a}"
    "ul{padding-left:1.25rem}[hidden]{display:none!important}";

// The passkey ceremonies: creation options from the form (data-create), or request options from the
// form (data-options) or fetched from the API (data-options-url); navigator.credentials.create() or
// get(); the answer posted with the form as WebAuthn's JSON. Shown only where WebAuthn is.
constexpr char PasskeyScript[] =
    "(()=>{const f=document.getElementById('passkey');if(!f||!window.PublicKeyCredential)return;"
    "const failed=document.getElementById('passkey-error');"
    "const bytes=s=>Uint8Array.from(atob(s.replace(/-/g,'+').replace(/_/g,'/')),c=>c.charCodeAt(0));"
    "const text=b=>btoa(String.fromCharCode(...new Uint8Array(b)))"
    ".replace(/[+]/g,'-').replace(/[/]/g,'_').replace(/=+$/,'');"
    "f.hidden=false;"
    "f.addEventListener('submit',async e=>{e.preventDefault();failed.hidden=true;try{"
    "const create=f.dataset.create;"
    "const o=create?JSON.parse(create):f.dataset.options?JSON.parse(f.dataset.options):"
    "await(await fetch(f.dataset.optionsUrl,"
    "{method:'POST',headers:{'content-type':'application/json'},body:'{}'})).json();"
    "o.challenge=bytes(o.challenge);"
    "for(const c of o.allowCredentials||o.excludeCredentials||[])c.id=bytes(c.id);"
    "let response;if(create){o.user.id=bytes(o.user.id);"
    "const c=await navigator.credentials.create({publicKey:o});const r=c.response;"
    "response={id:c.id,rawId:text(c.rawId),type:c.type,response:{clientDataJSON:text(r.clientDataJSON),"
    "attestationObject:text(r.attestationObject),transports:r.getTransports?r.getTransports():[]}}}"
    "else{const c=await navigator.credentials.get({publicKey:o});const r=c.response;"
    "response={id:c.id,rawId:text(c.rawId),type:c.type,response:{"
    "clientDataJSON:text(r.clientDataJSON),authenticatorData:text(r.authenticatorData),"
    "signature:text(r.signature),userHandle:r.userHandle?text(r.userHandle):undefined}}}"
    "f.elements.credential.value=JSON.stringify(response);"
    "f.submit()}catch(error){failed.hidden=false}})})();";

const Texts &texts(Language l)
{
    switch (l) {
    case Language::German:
        return German;
    case Language::French:
        return French;
    case Language::English:
        break;
    }
    return English;
}

const char *languageTag(Language l)
{
    return l == Language::German ? "de" : l == Language::French ? "fr" : "en";
}

QString escaped(const QString &s)
{
    return s.toHtmlEscaped().replace(QLatin1Char('\''), QLatin1String("&#39;"));
}

std::optional<Language> offered(QString tag)
{
    tag = tag.trimmed().toLower();
    if (tag.startsWith(QLatin1String("de")))
        return Language::German;
    if (tag.startsWith(QLatin1String("fr")))
        return Language::French;
    if (tag.startsWith(QLatin1String("en")))
        return Language::English;
    return std::nullopt;
}

template <size_t N>
QByteArray hashSource(const char (&content)[N])
{
    return "'sha256-" + crypto::sha256(QByteArrayView(content, N - 1)).toBase64() + "'";
}

QByteArray contentSecurityPolicy(const QString &redirectOrigin, bool passkey)
{
    static const QByteArray style = hashSource(Style);
    static const QByteArray script = hashSource(PasskeyScript);
    QByteArray formAction = "'self'";
    if (!redirectOrigin.isEmpty())
        formAction += ' ' + redirectOrigin.toUtf8();
    return "default-src 'none'; style-src " + style +
           (passkey ? QByteArray("; script-src " + script + "; connect-src 'self'") : QByteArray()) + "; form-action " +
           formAction + "; frame-ancestors 'none'; base-uri 'none'";
}

HttpResponse page(Language l, int status, Text title, const QString &body, const QString &redirectOrigin = {},
                  bool passkey = false)
{
    const QString titleText = escaped(text(l, title));
    const QString html =
        QStringLiteral("<!doctype html>\n<html lang=\"") + QLatin1String(languageTag(l)) +
        QStringLiteral("\"><head><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                       "<title>") +
        titleText + QStringLiteral(" – Keyward</title><style>") + QLatin1String(Style) +
        QStringLiteral("</style></head><body><main aria-labelledby=\"title\"><h1 id=\"title\">") + titleText +
        QStringLiteral("</h1>") + body + QStringLiteral("</main>") +
        (passkey ? QStringLiteral("<script>") + QLatin1String(PasskeyScript) + QStringLiteral("</script>")
                 : QString()) +
        QStringLiteral("</body></html>\n");
    HttpResponse r;
    r.status = status;
    r.body = html.toUtf8();
    r.setHeader("Content-Type", "text/html; charset=utf-8");
    r.setHeader("Content-Security-Policy", contentSecurityPolicy(redirectOrigin, passkey));
    r.setHeader("Cache-Control", "no-store");
    r.setHeader("Content-Language", languageTag(l));
    return r;
}

QString errorLine(Language l, std::optional<Text> error)
{
    if (!error)
        return {};
    return QStringLiteral("<p class=\"error\" id=\"form-error\" role=\"alert\">") + escaped(text(l, *error)) +
           QStringLiteral("</p>");
}

// The form's opening: where it posts, its anti-forgery token, the step, the carried parameters.
QString formStart(const Form &form, const char *step, const QString &attributes = {})
{
    QString html = QStringLiteral("<form") + attributes + QStringLiteral(" method=\"post\" action=\"") +
                   escaped(form.action) + QStringLiteral("\"><input type=\"hidden\" name=\"csrf\" value=\"") +
                   escaped(form.csrf) + QStringLiteral("\"><input type=\"hidden\" name=\"step\" value=\"") +
                   QLatin1String(step) + QStringLiteral("\">");
    for (const auto &[name, value] : form.carried)
        html += QStringLiteral("<input type=\"hidden\" name=\"") + escaped(name) + QStringLiteral("\" value=\"") +
                escaped(value) + QStringLiteral("\">");
    return html;
}

// The passkey's form, hidden until its script finds WebAuthn: the step, the browser's answer,
// where the options come from (`options`: data-options or data-options-url, escaped), the button.
QString passkeyForm(const Form &form, const char *step, const QString &options, Text button, bool primary = false)
{
    const Language l = form.language;
    return QStringLiteral("<p class=\"error\" id=\"passkey-error\" role=\"alert\" hidden>") +
           escaped(text(l, Text::PasskeyFailed)) + QStringLiteral("</p>") +
           formStart(form, step, QStringLiteral(" id=\"passkey\" hidden ") + options) +
           QStringLiteral("<input type=\"hidden\" name=\"credential\" value=\"\"><div class=\"actions\">"
                          "<button type=\"submit\"") +
           (primary ? QString() : QStringLiteral(" class=\"secondary\"")) + QLatin1Char('>') +
           escaped(text(l, button)) + QStringLiteral("</button></div></form>");
}

QString invalidIf(std::optional<Text> error)
{
    return error ? QStringLiteral(" aria-invalid=\"true\" aria-describedby=\"form-error\"") : QString();
}

QString scopeText(Language l, const QString &scope)
{
    if (scope == QLatin1String("openid"))
        return text(l, Text::ScopeOpenid);
    if (scope == QLatin1String("profile"))
        return text(l, Text::ScopeProfile);
    if (scope == QLatin1String("email"))
        return text(l, Text::ScopeEmail);
    if (scope == QLatin1String("roles"))
        return text(l, Text::ScopeRoles);
    if (scope == QLatin1String("offline_access"))
        return text(l, Text::ScopeOfflineAccess);
    return scope;
}

} // namespace

QString text(Language language, Text which)
{
    return QString::fromUtf8(texts(language)[static_cast<size_t>(which)]);
}

Language language(const QString &uiLocales, const QByteArray &acceptLanguage)
{
    for (const QString &tag : uiLocales.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (const auto l = offered(tag))
            return *l;
    // Accept-Language: the most wanted offered language (RFC 9110 §12.5.4); the first of equals.
    std::optional<Language> best;
    double bestQuality = 0;
    for (const QByteArray &item : acceptLanguage.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        double quality = 1;
        for (qsizetype i = 1; i < parts.size(); ++i)
            if (parts[i].trimmed().startsWith("q="))
                quality = parts[i].trimmed().mid(2).toDouble();
        const auto l = offered(QString::fromLatin1(parts.value(0)));
        if (l && quality > bestQuality) {
            best = l;
            bestQuality = quality;
        }
    }
    return best.value_or(Language::English);
}

HttpResponse signIn(const Form &form, const QString &application, const QString &login, std::optional<Text> error)
{
    const Language l = form.language;
    QString body = QStringLiteral("<p>") + escaped(text(l, Text::ContinueTo).arg(application)) +
                   QStringLiteral("</p>") + errorLine(l, error) + formStart(form, "password") +
                   QStringLiteral("<label for=\"login\">") + escaped(text(l, Text::Login)) +
                   QStringLiteral("</label><input id=\"login\" name=\"login\" type=\"text\" autocomplete=\"username\" "
                                  "autocapitalize=\"none\" spellcheck=\"false\" required maxlength=\"254\" value=\"") +
                   escaped(login) + QStringLiteral("\"") + invalidIf(error) +
                   (login.isEmpty() ? QStringLiteral(" autofocus") : QString()) +
                   QStringLiteral("><label for=\"password\">") + escaped(text(l, Text::Password)) +
                   QStringLiteral("</label><input id=\"password\" name=\"password\" type=\"password\" "
                                  "autocomplete=\"current-password\" required") +
                   invalidIf(error) + (login.isEmpty() ? QString() : QStringLiteral(" autofocus")) +
                   QStringLiteral("><div class=\"actions\"><button type=\"submit\">") + escaped(text(l, Text::SignIn)) +
                   QStringLiteral("</button></div></form>");
    const bool passkey = !form.passkeyOptionsUrl.isEmpty();
    if (passkey)
        body += passkeyForm(form, "passkey",
                            QStringLiteral("data-options-url=\"") + escaped(form.passkeyOptionsUrl) + QLatin1Char('"'),
                            Text::SignInWithPasskey);
    return page(l, error ? 401 : 200, Text::SignInTitle, body, form.redirectOrigin, passkey);
}

HttpResponse secondFactor(const Form &form, const QString &application, const SecondFactorOffer &offer,
                          std::optional<Text> error)
{
    const Language l = form.language;
    Form carrying = form;
    carrying.carried.append({QStringLiteral("mfa_token"), offer.mfaToken});
    QString body = QStringLiteral("<p>") + escaped(text(l, Text::ContinueTo).arg(application)) +
                   QStringLiteral("</p>") + errorLine(l, error);
    if (offer.code)
        body += formStart(carrying, "code") + QStringLiteral("<p id=\"code-help\">") +
                escaped(text(l, Text::SecondFactorHelp)) + QStringLiteral("</p><label for=\"code\">") +
                escaped(text(l, Text::Code)) +
                QStringLiteral("</label><input id=\"code\" name=\"code\" type=\"text\" inputmode=\"numeric\" "
                               "autocomplete=\"one-time-code\" required autofocus maxlength=\"64\" "
                               "aria-describedby=\"code-help\"") +
                (error ? QStringLiteral(" aria-invalid=\"true\" aria-errormessage=\"form-error\"") : QString()) +
                QStringLiteral("><div class=\"actions\"><button type=\"submit\">") + escaped(text(l, Text::Verify)) +
                QStringLiteral("</button></div></form>");
    const bool passkey = !offer.passkeyOptions.isEmpty();
    if (passkey) {
        if (!offer.code)
            body += QStringLiteral("<p>") + escaped(text(l, Text::PasskeyHelp)) + QStringLiteral("</p>");
        body += passkeyForm(carrying, "passkey-factor",
                            QStringLiteral("data-options=\"") + escaped(QString::fromUtf8(offer.passkeyOptions)) +
                                QLatin1Char('"'),
                            Text::UsePasskey);
    }
    return page(l, error ? 401 : 200, Text::SecondFactorTitle, body, form.redirectOrigin, passkey);
}

HttpResponse passkeyOffer(const Form &form, const QByteArray &options, std::optional<Text> error)
{
    const Language l = form.language;
    Form later = form;
    later.carried.append({QStringLiteral("decision"), QStringLiteral("later")});
    const QString body =
        QStringLiteral("<p>") + escaped(text(l, Text::PasskeyOfferHelp)) + QStringLiteral("</p>") +
        errorLine(l, error) +
        passkeyForm(form, "passkey-offer",
                    QStringLiteral("data-create=\"") + escaped(QString::fromUtf8(options)) + QLatin1Char('"'),
                    Text::AddPasskey, true) +
        formStart(later, "passkey-offer") +
        QStringLiteral("<div class=\"actions\"><button type=\"submit\" class=\"secondary\">") +
        escaped(text(l, Text::NotNow)) + QStringLiteral("</button></div></form>");
    return page(l, error ? 422 : 200, Text::PasskeyOfferTitle, body, form.redirectOrigin, true);
}

HttpResponse consent(const Form &form, const QString &application, const QString &user, const QStringList &scopes)
{
    const Language l = form.language;
    QString list;
    for (const QString &s : scopes)
        list += QStringLiteral("<li>") + escaped(scopeText(l, s)) + QStringLiteral("</li>");
    const QString body = QStringLiteral("<p>") + escaped(text(l, Text::SignedInAs).arg(user)) +
                         QStringLiteral("</p><p id=\"asks\">") + escaped(text(l, Text::ConsentIntro).arg(application)) +
                         QStringLiteral("</p><ul aria-labelledby=\"asks\">") + list + QStringLiteral("</ul>") +
                         formStart(form, "consent") +
                         QStringLiteral("<div class=\"actions\"><button type=\"submit\" name=\"decision\" "
                                        "value=\"allow\">") +
                         escaped(text(l, Text::Allow)) +
                         QStringLiteral("</button><button type=\"submit\" name=\"decision\" value=\"deny\" "
                                        "class=\"secondary\">") +
                         escaped(text(l, Text::Deny)) + QStringLiteral("</button></div></form>");
    return page(l, 200, Text::ConsentTitle, body, form.redirectOrigin);
}

HttpResponse signOut(const Form &form)
{
    const Language l = form.language;
    const QString body = QStringLiteral("<p>") + escaped(text(l, Text::SignOutQuestion)) + QStringLiteral("</p>") +
                         formStart(form, "logout") + QStringLiteral("<div class=\"actions\"><button type=\"submit\">") +
                         escaped(text(l, Text::SignOut)) + QStringLiteral("</button></div></form>");
    return page(l, 200, Text::SignOutTitle, body, form.redirectOrigin);
}

HttpResponse signedOut(Language language)
{
    return page(language, 200, Text::SignedOutTitle,
                QStringLiteral("<p role=\"status\">") + escaped(text(language, Text::SignedOut)) +
                    QStringLiteral("</p>"));
}

HttpResponse error(Language language, int status, Text message)
{
    return page(language, status, Text::ErrorTitle,
                QStringLiteral("<p class=\"error\" role=\"alert\">") + escaped(text(language, message)) +
                    QStringLiteral("</p>"));
}

} // namespace keyward::pages

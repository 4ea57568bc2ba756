#include "cli.h"

#include "cli_admin.h"
#include "cli_support.h"
#include "service_manager.h"

#include "core/config.h"
#include "core/logging.h"
#include "core/private_files.h"
#include "node.h"
#include "observe/log_handler.h"
#include "services/services.h"
#include "services/user_transfer.h"
#include "store/backup.h"
#include "store/migrations.h"
#include "store/user_repository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSocketNotifier>
#include <QTextStream>
#include <QUrl>

#include <csignal>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace keyward::cli {

namespace {

const QString Commands = QStringLiteral(R"(Commands:
  serve         Serve the API (default)
  migrate       Apply pending database migrations and exit
  admin create  Create an administrator: --username U --email E (--password-stdin | --password-file FILE)
  import FILE   Import users from a file ("-": stdin): [--format auto|keyward|keycloak|kratos|zitadel|auth0|csv]
                [--dry-run]; exit 0 when every user was created or already there, 1 when some were refused
  export        Export the users who are not deleted: [--format json|csv] [--output FILE] (default stdout)
  audit verify  Check the audit trail's hash chain: exit 0 when intact, 1 with the first bad sequence number
  keys rotate   Make a new access-token signing key for every node; tokens signed before stay valid until
                they expire
  backup FILE   Write a consistent copy of the database to FILE while Keyward runs (SQLite: VACUUM INTO;
                PostgreSQL: pg_dump). The master key is not in it: keep a copy of the key apart
  restore FILE  Put a backup in place of the database of a stopped installation (the old SQLite file is
                kept aside), apply migrations, verify the audit chain and print a summary
  check-config  Print the effective configuration (secrets masked) and readiness findings
)");

// SIGTERM/SIGINT arrive through a pipe, so the shutdown runs on the event loop, not in a handler.
int g_signalPipe[2] = {-1, -1};

void onSignal(int signal)
{
    const char c = signal == SIGHUP ? 'h' : 't';
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

void hardenProcess()
{
    // Memory holds keys and passwords: no core dumps, no ptrace by other users.
    const rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
    prctl(PR_SET_DUMPABLE, 0);
    std::signal(SIGPIPE, SIG_IGN);
}

int serve(const Config &config)
{
    hardenProcess();
    // Signals from the very start: one arriving during migrations waits in the pipe for the event loop.
    if (::pipe(g_signalPipe) != 0)
        return Failure;
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGHUP, &sa, nullptr);
    Node node(config);
    if (const int rc = open(node, true); rc != Success)
        return rc;
    if (const auto failure = node.serve()) {
        err() << "keyward: " << failure->message << Qt::endl;
        return failure->exitCode;
    }
    err() << "Keyward " << QStringLiteral(KEYWARD_VERSION) << " listening on " << node.url() << " (database "
          << node.database().displayUrl() << ", data " << config.dataDir() << ")" << Qt::endl;
    service_manager::notifyReady(QStringLiteral("listening on %1").arg(node.url()));
    service_manager::startWatchdog(&node);
    auto admins = UserRepository(node.database()).countActiveAdmins();
    if (admins && *admins == 0)
        err() << "No administrator yet. Create one with:" << Qt::endl
              << "  keyward-server --data-dir " << config.dataDir()
              << " admin create --username admin --email you@example.com --password-stdin" << Qt::endl;

    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, [&] {
        char c = 0;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &c, 1);
        if (c == 'h') {
            logging::reopen(); // logrotate moved the file away
            qCInfo(lcHttp) << "log file reopened";
            return;
        }
        notifier.setEnabled(false);
        service_manager::notifyStopping();
        qCInfo(lcHttp) << "shutting down: draining requests in flight";
        node.shutdown(10'000);
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    node.shutdown(0);
    qCInfo(lcHttp) << "stopped";
    return Success;
}

int migrate(const Config &config)
{
    // Through the node: a migration may need the master key (to sign the audit chain head).
    Node node(config);
    if (const int rc = open(node, true); rc != Success)
        return rc;
    out() << "database " << node.database().displayUrl() << " is at schema version "
          << Migrations(node.database()).status().current << " (" << node.migrationsApplied()
          << " migration(s) applied)" << Qt::endl;
    return Success;
}

int adminCreate(const Config &config, const QCommandLineParser &p)
{
    const QString username = p.value(QStringLiteral("username"));
    const QString email = p.value(QStringLiteral("email"));
    if (username.isEmpty() || email.isEmpty() ||
        p.isSet(QStringLiteral("password-stdin")) == p.isSet(QStringLiteral("password-file"))) {
        err() << "usage: keyward-server admin create --username U --email E (--password-stdin | --password-file FILE)"
              << Qt::endl;
        return Usage;
    }
    const auto password = readPassword(p);
    if (!password)
        return Failure;
    Node node(config);
    if (const int rc = open(node, true); rc != Success)
        return rc;
    auto user = node.services().users().createFirstAdministrator(Principal::cli(QStringLiteral("admin create")),
                                                                 username, email, *password);
    if (!user)
        return printError(user.error());
    out() << "created administrator " << user->username << " (" << user->id << ")" << Qt::endl;
    return Success;
}

// Progress on stderr: a line every tenth of the work, rewritten in place on a terminal.
TransferProgress progressOnStderr(const char *verb)
{
    const bool terminal = isatty(STDERR_FILENO) != 0;
    return [verb, terminal, lastTenth = -1](qint64 done, qint64 total) mutable {
        const int tenth = total > 0 ? int(done * 10 / total) : 10;
        if (terminal || tenth != lastTenth) {
            err() << (terminal ? "\r" : "") << verb << " " << done << " of " << total << " users";
            if (!terminal || done == total)
                err() << Qt::endl;
            else
                err().flush();
        }
        lastTenth = tenth;
        return true;
    };
}

int importCommand(const Config &config, const QString &path, const QCommandLineParser &p)
{
    const auto format = importFormatNamed(
        p.value(QStringLiteral("format")).isEmpty() ? QStringLiteral("auto") : p.value(QStringLiteral("format")));
    if (!format) {
        err() << "usage: keyward-server import FILE [--format auto|keyward|keycloak|kratos|zitadel|auth0|csv] "
                 "[--dry-run]"
              << Qt::endl;
        return Usage;
    }
    QFile file;
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        err() << "keyward: cannot read " << path << ": " << file.errorString() << Qt::endl;
        return Failure;
    }
    const QByteArray document = file.readAll();
    Node node(config);
    if (const int rc = open(node, true); rc != Success)
        return rc;
    const bool dryRun = p.isSet(QStringLiteral("dry-run"));
    auto report =
        importUsers(node.services().users(), node.services().roles(), Principal::cli(QStringLiteral("import")),
                    document, *format, dryRun, progressOnStderr(dryRun ? "checked" : "imported"));
    if (!report)
        return printError(report.error());
    out() << (dryRun ? "dry run: would create " : "created ") << report->created << ", skipped " << report->skipped
          << " (username or email already there), refused " << report->errors.size() << Qt::endl;
    for (const ImportReport::Problem &problem : report->errors)
        out() << "  user " << problem.index + 1 << " (" << problem.username << "): " << problem.message << Qt::endl;
    if (!report->ignoredRoles.isEmpty())
        out() << "roles with no Keyward role of that name (not assigned): "
              << report->ignoredRoles.join(QStringLiteral(", ")) << Qt::endl;
    return report->errors.isEmpty() ? Success : Failure;
}

int exportCommand(const Config &config, const QCommandLineParser &p)
{
    const auto format = exportFormatNamed(
        p.value(QStringLiteral("format")).isEmpty() ? QStringLiteral("json") : p.value(QStringLiteral("format")));
    if (!format) {
        err() << "usage: keyward-server export [--format json|csv] [--output FILE]" << Qt::endl;
        return Usage;
    }
    const QString path = p.value(QStringLiteral("output"));
    QFile file(path);
    // Written beside the target and renamed into place when complete: no half export under its name.
    QSaveFile saved(path);
    QIODevice &target = path.isEmpty() ? static_cast<QIODevice &>(file) : saved;
    const bool opened = path.isEmpty() ? file.open(stdout, QIODevice::WriteOnly) : saved.open(QIODevice::WriteOnly);
    if (!opened) {
        err() << "keyward: cannot write " << path << ": " << target.errorString() << Qt::endl;
        return Failure;
    }
    Node node(config);
    if (const int rc = open(node, false); rc != Success)
        return rc;
    auto written = exportUsers(node.services().users(), Principal::cli(QStringLiteral("export")), *format, target,
                               path.isEmpty() ? TransferProgress() : progressOnStderr("exported"));
    if (!written || (!path.isEmpty() && !saved.commit())) {
        err() << "keyward: " << (written ? saved.errorString() : written.error().detail()) << Qt::endl;
        return Failure;
    }
    if (!path.isEmpty())
        out() << "exported " << *written << " users to " << path << Qt::endl;
    return Success;
}

int auditVerify(const Config &config)
{
    Node node(config);
    if (const int rc = open(node, false); rc != Success)
        return rc;
    auto report = node.services().audit().verify(Principal::cli(QStringLiteral("audit verify")));
    if (!report)
        return printError(report.error());
    if (report->truncated) {
        out() << "audit chain TRUNCATED: events from sequence " << report->firstBadSeq << " on are missing";
        if (report->lastSeqSeen > 0)
            out() << " (the chain had reached sequence " << report->lastSeqSeen << ")";
        out() << "; " << report->checked << " events verified before them" << Qt::endl;
        return Failure;
    }
    if (!report->ok) {
        out() << "audit chain BROKEN at sequence " << report->firstBadSeq << " (" << report->checked
              << " events verified before it)" << Qt::endl;
        return Failure;
    }
    out() << "audit chain intact: " << report->checked << " events verified" << Qt::endl;
    return Success;
}

int keysRotate(const Config &config)
{
    Node node(config);
    if (const int rc = open(node, false); rc != Success)
        return rc;
    const auto kid = node.services().keys().rotate(Principal::cli(QStringLiteral("keys rotate")));
    if (!kid)
        return printError(kid.error());
    out() << "new " << node.services().keys().algorithm() << " signing key " << *kid
          << "; the previous one verifies until its tokens expire" << Qt::endl;
    return Success;
}

int backupCommand(const Config &config, const QString &file)
{
    Node node(config);
    if (const int rc = open(node, false); rc != Success)
        return rc;
    err() << "backing up " << node.database().displayUrl() << " ..." << Qt::endl;
    const auto report = node.services().backup().backUp(Principal::cli(QStringLiteral("backup")), file,
                                                        BackupService::Existing::Refuse);
    if (!report)
        return printError(report.error());
    out() << "backed up " << node.database().displayUrl() << " to " << report->file << " ("
          << QLocale::c().formattedDataSize(report->bytes) << ", " << report->tookMs << " ms)" << Qt::endl
          << "The master key is not in the backup; it is in " << node.masterKeyLocation() << "." << Qt::endl
          << "Keep a copy of it apart from the backups: without it a backup's signing keys, second factors and "
             "audit chain cannot be used."
          << Qt::endl;
    return Success;
}

// Prints the restored database's summary; false when its audit chain does not verify with this
// node's master key (the backup is of another installation, or the key is not its).
bool summarizeRestore(Node &node, const QString &file, const backup::Contents &contents, const QString &aside)
{
    const auto chain = node.services().audit().verify(Principal::cli(QStringLiteral("restore")));
    if (!chain || !chain->ok || chain->truncated) {
        err() << "keyward: the backup's audit chain does not verify with this master key"
              << (chain ? QStringLiteral(" (sequence %1)").arg(chain->firstBadSeq) : QString())
              << ": restore with the master key of the installation that made it (--master-key-file)" << Qt::endl;
        return false;
    }
    (void)node.services().audit().record(Principal::cli(QStringLiteral("restore")),
                                         {QStringLiteral("backup.restored"), QStringLiteral("database"),
                                          node.database().kindName(), QStringLiteral("success"),
                                          QJsonObject{{QStringLiteral("file"), file}}});
    out() << "restored " << file << " into " << node.database().displayUrl() << Qt::endl;
    if (contents.schemaVersion > 0)
        out() << "  schema version       " << contents.schemaVersion << " in the backup, " << node.migrationsApplied()
              << " migration(s) applied since" << Qt::endl;
    if (const auto admins = UserRepository(node.database()).countActiveAdmins())
        out() << "  administrators       " << *admins << " active" << Qt::endl;
    out() << "  audit chain          intact, " << chain->checked << " events verified" << Qt::endl;
    if (!aside.isEmpty())
        out() << "  replaced database    kept as " << aside << Qt::endl;
    return true;
}

int restoreCommand(const Config &config, const QString &fileArgument)
{
    const QString file = QFileInfo(fileArgument).absoluteFilePath();
    const QString dataDir = config.dataDir();
    // A new master key would be made for an installation that has none, which opens no backup.
    if (config.value(QStringLiteral("master-key-file")).isEmpty() &&
        config.value(QStringLiteral("master-key-store")) != QLatin1String("keychain") &&
        !QFileInfo::exists(QDir(dataDir).filePath(QStringLiteral("master.key")))) {
        err() << "keyward: " << dataDir << " has no master key: give the one of the installation that made the "
              << "backup with --master-key-file (or put it at " << QDir(dataDir).filePath(QStringLiteral("master.key"))
              << ")" << Qt::endl;
        return Failure;
    }
    const int lock = files::lockDataDirectory(dataDir, true);
    if (lock < 0) {
        err() << "keyward: a Keyward node is serving from " << dataDir << " (or it is not writable): stop it first"
              << Qt::endl;
        return Failure;
    }
    const auto release = qScopeGuard([lock] { ::close(lock); });
    const QUrl url(config.databaseUrl());
    const bool sqlite = url.scheme() == QLatin1String("sqlite");
    const auto contents = backup::check(sqlite ? Database::Kind::Sqlite : Database::Kind::Postgres, file);
    if (!contents)
        return printError(contents.error());
    QString aside;
    std::shared_ptr<Database> db;
    if (sqlite) {
        auto replaced = backup::replaceSqlite(url.path(), file);
        if (!replaced)
            return printError(replaced.error());
        aside = *replaced;
    } else {
        QString error;
        db = Database::open(config.databaseUrl(), &error);
        const auto others = db ? backup::otherSessions(*db) : Result<int>(ApiError::internal());
        if (!db || !others || *others > 0) {
            err() << "keyward: "
                  << (!db ? error
                      : others
                          ? QStringLiteral("%1 other session(s) use the database: stop every node first").arg(*others)
                          : others.error().detail())
                  << Qt::endl;
            return Failure;
        }
        // What is there now, kept so that a backup this master key cannot open is taken back out.
        const MigrationStatus schema = Migrations(*db).status();
        if (!schema.problem.isEmpty() && schema.current == 0) {
            err() << "keyward: cannot tell what " << db->displayUrl()
                  << " holds, so no copy of it could be kept: " << schema.problem << Qt::endl;
            return Failure;
        }
        if (schema.current > 0) {
            aside = QDir(dataDir).filePath(
                QStringLiteral("before-restore-%1.backup")
                    .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))));
            err() << "keeping a copy of " << db->displayUrl() << " as " << aside << " ..." << Qt::endl;
            if (const auto kept = backup::write(*db, aside, false); !kept)
                return printError(kept.error());
        }
        err() << "restoring into " << db->displayUrl() << " ..." << Qt::endl;
        if (const Status restored = backup::restorePostgres(*db, file); !restored)
            return printError(restored.error()); // one transaction: nothing changed
    }
    // The high-water mark vouched for the chain that was replaced; the restored one starts its own.
    const QString highWater = QDir(dataDir).filePath(QStringLiteral("audit-high-water"));
    QFile::remove(highWater + QStringLiteral(".before-restore"));
    QFile::rename(highWater, highWater + QStringLiteral(".before-restore"));
    bool restored = false;
    {
        Node node(config);
        restored = open(node, true) == Success && summarizeRestore(node, file, *contents, aside);
    }
    if (restored)
        return Success;
    // Nothing changed after all.
    QFile::remove(highWater);
    QFile::rename(highWater + QStringLiteral(".before-restore"), highWater);
    if (sqlite) {
        if (const Status undone = backup::putBackSqlite(url.path(), aside); !undone)
            return printError(undone.error());
    } else if (aside.isEmpty()) {
        err() << "keyward: the database held no Keyward data before; the restored tables are left: restore again "
                 "with the master key of the installation that made the backup"
              << Qt::endl;
        return Failure;
    } else if (const Status undone = backup::restorePostgres(*db, aside); !undone) {
        err() << "keyward: the database could not be put back; it is in " << aside << Qt::endl;
        return printError(undone.error());
    }
    err() << "keyward: the database was left as it was" << Qt::endl;
    return Failure;
}

int checkConfig(const Config &config)
{
    for (const ConfigOption &o : Config::options()) {
        QString value = o.key == QLatin1String("database") ? config.databaseUrl() : config.value(o.key);
        if (o.secret && o.key == QLatin1String("database"))
            value = Database::maskedUrl(value);
        out() << o.key.leftJustified(30) << (value.isEmpty() ? QStringLiteral("(unset)") : value) << "  ["
              << config.source(o.key) << "]" << Qt::endl;
    }
    QStringList findings;
    const QHostAddress listen = config.listenAddress();
    if (!listen.isLoopback() && config.value(QStringLiteral("tls-cert")).isEmpty())
        findings << QStringLiteral("TLS is off on a non-loopback address: put Keyward behind a TLS proxy or set "
                                   "--tls-cert/--tls-key");
    if (config.value(QStringLiteral("master-key-file")).isEmpty() &&
        config.value(QStringLiteral("master-key-store")) == QLatin1String("file"))
        findings << QStringLiteral("the master key is a file in the data directory, beside the data it protects: "
                                   "prefer KEYWARD_MASTER_KEY_FILE (systemd credentials, a secrets store) or "
                                   "--master-key-store keychain on a desktop");
    if (config.listenPort() == 8080)
        findings << QStringLiteral("listening on the default port 8080");
    if (config.value(QStringLiteral("registration")) == QLatin1String("true"))
        findings << QStringLiteral("self-registration is on");
    out() << Qt::endl
          << (findings.isEmpty() ? QStringLiteral("No findings.") : QStringLiteral("Findings:")) << Qt::endl;
    for (const QString &f : findings)
        out() << "  - " << f << Qt::endl;
    return Success;
}

} // namespace

int run(const QStringList &arguments, const std::function<int(const Config &)> &serveWith)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Keyward user management service.\n\n") + Commands + QLatin1Char('\n') +
                                adminCommandsHelp());
    p.addHelpOption();
    p.addVersionOption();
    for (const ConfigOption &o : Config::options())
        p.addOption({o.key, QStringLiteral("%1 [env %2]").arg(o.description, o.env), QStringLiteral("value")});
    p.addOption(
        {QStringLiteral("username"), QStringLiteral("admin create, user create: user name"), QStringLiteral("name")});
    p.addOption({QStringLiteral("email"), QStringLiteral("admin create, user create: email address"),
                 QStringLiteral("address")});
    p.addOption({QStringLiteral("password-stdin"), QStringLiteral("read the password from stdin (one line)")});
    p.addOption(
        {QStringLiteral("password-file"), QStringLiteral("read the password from a file"), QStringLiteral("file")});
    addAdminOptions(p);
    p.addOption({QStringLiteral("format"),
                 QStringLiteral("import: auto, keyward, keycloak, kratos, zitadel, auth0 or csv; export: json or csv"),
                 QStringLiteral("format")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("import: check every user, create none")});
    p.addOption({QStringLiteral("output"), QStringLiteral("export: write to this file instead of stdout"),
                 QStringLiteral("file")});
    p.addPositionalArgument(
        QStringLiteral("command"),
        QStringLiteral("serve (default), migrate, admin create, import, export, audit verify, "
                       "keys rotate, backup, restore, check-config, user, role, apikey, session, client"));
    if (!p.parse(arguments)) {
        err() << "keyward: " << p.errorText() << Qt::endl << "Try --help." << Qt::endl;
        return Usage;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out() << p.helpText();
        return Success;
    }
    if (p.isSet(QStringLiteral("version"))) {
        out() << "keyward " << KEYWARD_VERSION << " (Qt " << qVersion() << ")" << Qt::endl;
        return Success;
    }
    QMap<QString, QString> cli;
    for (const ConfigOption &o : Config::options())
        if (p.isSet(o.key))
            cli.insert(o.key, p.value(o.key));
    QString error;
    const auto config = Config::load(cli, QProcessEnvironment::systemEnvironment(), &error);
    if (!config) {
        err() << "keyward: invalid configuration: " << error << Qt::endl;
        return InvalidConfig;
    }
    const QString format = config->value(QStringLiteral("log-format"));
    logging::Options log;
    log.format = format.isEmpty() ? logging::defaultFormat()
                                  : (format == QLatin1String("json") ? logging::Format::Json : logging::Format::Text);
    log.level = config->value(QStringLiteral("log-level"));
    log.file = config->value(QStringLiteral("log-file"));
    log.maxBytes = config->value(QStringLiteral("log-max-bytes")).toLongLong();
    log.keep = config->integer(QStringLiteral("log-keep"));
    if (!logging::install(log, &error)) {
        err() << "keyward: invalid configuration: " << error << Qt::endl;
        return InvalidConfig;
    }

    const QStringList args = p.positionalArguments();
    const QString command = args.value(0, QStringLiteral("serve"));
    if (command == QLatin1String("serve") && args.size() <= 1)
        return serveWith ? serveWith(*config) : serve(*config);
    if (command == QLatin1String("migrate") && args.size() == 1)
        return migrate(*config);
    if (command == QLatin1String("admin") && args.value(1) == QLatin1String("create") && args.size() == 2)
        return adminCreate(*config, p);
    if (command == QLatin1String("import") && args.size() == 2)
        return importCommand(*config, args.at(1), p);
    if (command == QLatin1String("export") && args.size() == 1)
        return exportCommand(*config, p);
    if (command == QLatin1String("audit") && args.value(1) == QLatin1String("verify") && args.size() == 2)
        return auditVerify(*config);
    if (command == QLatin1String("keys") && args.value(1) == QLatin1String("rotate") && args.size() == 2)
        return keysRotate(*config);
    if (command == QLatin1String("backup") && args.size() == 2)
        return backupCommand(*config, args.at(1));
    if (command == QLatin1String("restore") && args.size() == 2)
        return restoreCommand(*config, args.at(1));
    if (command == QLatin1String("check-config") && args.size() == 1)
        return checkConfig(*config);
    if (isAdminCommand(command))
        return runAdmin(*config, args, p);
    err() << "keyward: unknown command '" << args.join(QLatin1Char(' ')) << "'" << Qt::endl << Commands;
    return Usage;
}

} // namespace keyward::cli

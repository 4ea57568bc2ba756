// keyward-bench-seed: fills a database with N users for benchmarks, fast, through the same
// repository the services use (one precomputed argon2id hash; batches of 5,000 per transaction).
#include "core/clock.h"
#include "core/ids.h"
#include "crypto/password_hasher.h"
#include "store/migrations.h"
#include "store/user_repository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace keyward;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("database"), QStringLiteral("Database URL"), QStringLiteral("url")});
    p.addOption(
        {QStringLiteral("users"), QStringLiteral("How many users"), QStringLiteral("n"), QStringLiteral("100000")});
    p.addOption({QStringLiteral("password"), QStringLiteral("Everyone's password"), QStringLiteral("pw"),
                 QStringLiteral("bench password")});
    p.process(app);
    QTextStream err(stderr);
    QString error;
    auto db = Database::open(p.value(QStringLiteral("database")), &error);
    if (!db || !(error = Migrations(*db).migrate()).isEmpty()) {
        err << "keyward-bench-seed: " << error << Qt::endl;
        return 1;
    }
    // The server's default parameters, so logins measure the real cost.
    const QString hash = crypto::PasswordHasher().hash(p.value(QStringLiteral("password")));
    UserRepository users(*db);
    const int total = p.value(QStringLiteral("users")).toInt();
    QElapsedTimer timer;
    timer.start();
    for (int start = 0; start < total; start += 5000) {
        Transaction tx(*db);
        for (int i = start; i < qMin(total, start + 5000); ++i) {
            User u;
            u.createdAt = u.updatedAt = Clock::system().nowMs();
            u.id = newId(u.createdAt);
            u.username = i == 0 ? QStringLiteral("admin") : QStringLiteral("user%1").arg(i, 6, 10, QLatin1Char('0'));
            u.email = u.username + QStringLiteral("@bench.example");
            u.displayName = QStringLiteral("Bench User %1").arg(i);
            u.roles = {i == 0 ? QStringLiteral("admin") : QStringLiteral("user")};
            if (auto s = users.insert(u, hash); !s) {
                err << "keyward-bench-seed: " << s.error().detail() << Qt::endl;
                return 1;
            }
        }
        if (!tx.commit())
            return 1;
        err << "\rseeded " << qMin(total, start + 5000) << " / " << total << Qt::flush;
    }
    err << "\nseeded " << total << " users in " << timer.elapsed() / 1000.0 << " s" << Qt::endl;
    db->closeThreadConnection();
    return 0;
}

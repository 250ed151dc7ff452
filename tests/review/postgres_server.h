// A throwaway PostgreSQL server for tests, started and stopped by the test itself with Debian's
// server binaries (/usr/lib/postgresql/<version>/bin: initdb, pg_ctl, createdb): initdb into a
// temporary folder under /tmp (UTF-8, C collation; the superuser's password from a file the test
// writes there: password auth on TCP, trust on the unix socket), pg_ctl start with the unix socket
// in that folder and a free TCP port on 127.0.0.1, pg_ctl stop when the object goes.
// postgres refuses to run as root: when the test runs as root (CI containers), initdb and pg_ctl run
// as the "postgres" user (made by Debian's postgresql package) or else "nobody", the child process
// dropping to it (setgid/setuid) before exec, and the folder is given to that user. As any other
// user they run as that user.
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

namespace reviewtest {

// The folder with initdb, pg_ctl and postgres: $STLLAVA_PG_BINDIR, else the newest
// /usr/lib/postgresql/<version>/bin, else the folder of pg_ctl on PATH; "" when there is none.
inline QString findPostgresBinDir() {
    auto complete = [](const QString& dir) {
        for (const char* tool : {"initdb", "pg_ctl", "postgres", "createdb"})
            if (!QFileInfo(QDir(dir).filePath(QLatin1String(tool))).isExecutable()) return false;
        return true;
    };
    const QString env = qEnvironmentVariable("STLLAVA_PG_BINDIR");
    if (!env.isEmpty()) return complete(env) ? env : QString();
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList names = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(names.begin(), names.end(), [](const QString& a, const QString& b) { return a.toDouble() > b.toDouble(); });
    for (const QString& v : names)
        if (complete(versions.filePath(v + QStringLiteral("/bin")))) return versions.filePath(v + QStringLiteral("/bin"));
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("pg_ctl"));
    if (!onPath.isEmpty() && complete(QFileInfo(onPath).absolutePath())) return QFileInfo(onPath).absolutePath();
    return {};
}

// A TCP port on 127.0.0.1 that nothing listens on now (the kernel's choice for port 0).
inline int freeLocalPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    int port = -1;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

class PostgresServer {
public:
    PostgresServer() = default;
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;
    ~PostgresServer() { stop(); }

    // "" once the server accepts connections, else what went wrong (with the tools' output).
    QString start(const QString& binDir, const QString& superuser, const QString& password) {
        m_bin = binDir;
        m_user = superuser;
        QString parent = QStringLiteral("/tmp");  // short: a unix socket path has at most 107 bytes
        if (!QFileInfo(parent).isWritable()) parent = QDir::tempPath();
        m_dir = std::make_unique<QTemporaryDir>(parent + QStringLiteral("/stllava-pg-XXXXXX"));
        if (!m_dir->isValid()) return QStringLiteral("cannot make a temporary folder in %1").arg(parent);
        if (::geteuid() == 0) {
            const passwd* pw = ::getpwnam("postgres");
            if (!pw) pw = ::getpwnam("nobody");
            if (!pw) return QStringLiteral("running as root and there is neither a 'postgres' nor a 'nobody' user to run the server as");
            m_runAs = pw->pw_name;
            m_uid = pw->pw_uid;
            m_gid = pw->pw_gid;
            if (::chown(QFile::encodeName(m_dir->path()).constData(), m_uid, m_gid) != 0)
                return QStringLiteral("cannot give %1 to the user %2").arg(m_dir->path(), QString::fromLocal8Bit(m_runAs));
        }
        QFile pw(path(QStringLiteral("pwfile")));
        if (!pw.open(QIODevice::WriteOnly) || pw.write(password.toUtf8() + '\n') < 0) return QStringLiteral("cannot write the password file");
        pw.close();
        pw.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        QString out;
        if (!run(QStringLiteral("initdb"),
                 {QStringLiteral("-D"), path(QStringLiteral("data")), QStringLiteral("-U"), superuser,
                  QStringLiteral("--pwfile=") + path(QStringLiteral("pwfile")), QStringLiteral("--auth-local=trust"),
                  QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                  QStringLiteral("--no-locale"), QStringLiteral("--no-sync")},
                 &out, 120000))
            return QStringLiteral("initdb failed:\n") + out;
        for (int attempt = 0; attempt < 3; ++attempt) {  // another program may take the free port first
            m_port = freeLocalPort();
            const QString options =
                QStringLiteral("-k '%1' -p %2 -c listen_addresses=127.0.0.1 -c max_connections=30 -c shared_buffers=16MB")
                    .arg(m_dir->path())
                    .arg(m_port);
            if (run(QStringLiteral("pg_ctl"),
                    {QStringLiteral("-D"), path(QStringLiteral("data")), QStringLiteral("-l"), path(QStringLiteral("server.log")),
                     QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"), options,
                     QStringLiteral("start")},
                    &out, 90000)) {
                m_running = true;
                return {};
            }
        }
        return QStringLiteral("pg_ctl start failed:\n%1\nserver log:\n%2").arg(out, log());
    }

    // "" when made, else the output of createdb (run as this process's user, over the trusted socket).
    QString createDatabase(const QString& name) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(tool(QStringLiteral("createdb")), {QStringLiteral("-h"), m_dir->path(), QStringLiteral("-p"),
                                                   QString::number(m_port), QStringLiteral("-U"), m_user, name});
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return QStringLiteral("createdb %1 failed: %2").arg(name, QString::fromLocal8Bit(p.readAll()));
        return {};
    }

    // Over TCP (password auth: PGPASSWORD or a pgpass file) and over the unix socket (trust).
    QString url(const QString& database) const {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(m_user).arg(m_port).arg(database);
    }
    QString socketUrl(const QString& database) const {
        return QStringLiteral("postgresql:///%1?host=%2&port=%3&user=%4").arg(database, m_dir->path()).arg(m_port).arg(m_user);
    }

    int port() const { return m_port; }
    QString socketDir() const { return m_dir ? m_dir->path() : QString(); }
    QString runsAs() const { return m_runAs.isEmpty() ? QStringLiteral("this user") : QString::fromLocal8Bit(m_runAs); }
    QString log() const {
        QFile f(path(QStringLiteral("server.log")));
        return f.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(f.readAll()) : QString();
    }

    // "" when it stopped (or was not running), else pg_ctl's output.
    QString stop() {
        if (!m_running) return {};
        QString out;
        const QString data = path(QStringLiteral("data"));
        if (!run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), data, QStringLiteral("-m"), QStringLiteral("fast"),
                                            QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("stop")},
                 &out, 90000)) {
            run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), data, QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("stop")},
                nullptr, 30000);
            m_running = false;
            return out;
        }
        m_running = false;
        return {};
    }

private:
    QString path(const QString& name) const { return QDir(m_dir->path()).filePath(name); }
    QString tool(const QString& name) const { return QDir(m_bin).filePath(name); }

    // Runs a server tool as the server's user; true on exit code 0.
    bool run(const QString& name, const QStringList& args, QString* output, int timeoutMs) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setWorkingDirectory(m_dir->path());
        if (!m_runAs.isEmpty()) {
            const uid_t uid = m_uid;
            const gid_t gid = m_gid;
            p.setChildProcessModifier([uid, gid] {
                if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0) {
                    static const char msg[] = "cannot switch to the server's user\n";
                    (void)!::write(2, msg, sizeof msg - 1);
                    ::_exit(126);
                }
            });
        }
        p.start(tool(name), args);
        const bool finished = p.waitForFinished(timeoutMs);
        if (!finished) p.kill(), p.waitForFinished(5000);
        if (output) *output = QString::fromLocal8Bit(p.readAll()) + (finished ? QString() : QStringLiteral("\n(timed out)"));
        return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QString m_bin, m_user;
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_runAs;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    int m_port = -1;
    bool m_running = false;
};

}  // namespace reviewtest

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the team store is and how to reach it: a `postgres://user@host:port/database?sslmode=...` URL from
/// `TRIAGE_TEAM_DB`, else the first line of `$XDG_CONFIG_HOME/triage/team-db` (`~/.config/triage/team-db`). The
/// password never comes from a command line: `TRIAGE_TEAM_PASSWORD` or `PGPASSWORD`, else a `PGPASSFILE`-style
/// file (`host:port:database:user:password` lines; `PGPASSFILE`, else `~/.pgpass`) that only its owner can read.
public struct TeamConfig: Hashable, Sendable {
    public enum TLSMode: String, Hashable, Sendable {
        /// No TLS (loopback, or a trusted network).
        case disable
        /// TLS, without checking the certificate.
        case require
        /// TLS, the certificate checked against `rootCertificate` (or the system's) and the host name.
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var password: String?
    public var tls: TLSMode
    /// `sslrootcert`: the CA file that signs the server's certificate.
    public var rootCertificate: String?

    public init(host: String, port: Int = 5432, user: String, database: String, password: String? = nil,
                tls: TLSMode = .disable, rootCertificate: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.password = password
        self.tls = tls
        self.rootCertificate = rootCertificate
    }

    /// The URL without the password, for messages.
    public var display: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// The configuration the environment names, nil when no team store is set up.
    public static func from(environment: [String: String]) throws -> TeamConfig? {
        var text = environment["TRIAGE_TEAM_DB"]?.trimmingCharacters(in: .whitespacesAndNewlines)
        if text?.isEmpty ?? true, let file = configFile(environment: environment),
           let contents = try? String(contentsOfFile: file, encoding: .utf8) {
            text = contents.split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespaces) }
        }
        guard let text, !text.isEmpty else { return nil }
        var config = try parse(text)
        if config.password == nil {
            config.password = environment["TRIAGE_TEAM_PASSWORD"] ?? environment["PGPASSWORD"]
        }
        if config.password == nil {
            let file = environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
            if let file { config.password = try passwordFile(file, for: config) }
        }
        return config
    }

    /// `$XDG_CONFIG_HOME/triage/team-db`, else `~/.config/triage/team-db`.
    public static func configFile(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/triage/team-db" }
        return environment["HOME"].map { $0 + "/.config/triage/team-db" }
    }

    /// Reads a `postgres://` (or `postgresql://`) URL.
    public static func parse(_ text: String) throws -> TeamConfig {
        guard let components = URLComponents(string: text), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let host = components.host, !host.isEmpty else {
            throw TeamError.configuration("TRIAGE_TEAM_DB must be a postgres://user@host:port/database URL")
        }
        let user = components.user ?? "triage"
        let database = String(components.path.drop { $0 == "/" })
        var config = TeamConfig(host: host, port: components.port ?? 5432, user: user,
                                database: database.isEmpty ? user : database, password: components.password)
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                switch item.value ?? "" {
                case "disable", "allow", "prefer": config.tls = .disable
                case "require", "verify-ca": config.tls = .require
                case "verify-full": config.tls = .verifyFull
                default: throw TeamError.configuration("sslmode must be disable, require or verify-full, not '\(item.value ?? "")'")
                }
            case "sslrootcert": config.rootCertificate = item.value
            default: break
            }
        }
        return config
    }

    /// The password for `config` from a `host:port:database:user:password` file; refused when others can read it.
    static func passwordFile(_ path: String, for config: TeamConfig) throws -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        if info.st_mode & 0o077 != 0 {
            throw TeamError.configuration("the password file \(path) can be read by others (mode \(String(info.st_mode & 0o777, radix: 8))); chmod 600 it")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 else { continue }
            let wanted = [config.host, "\(config.port)", config.database, config.user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}

/// Why the team store cannot do what was asked, in words (never a stack trace).
public enum TeamError: Error, CustomStringConvertible, Equatable, Sendable {
    case configuration(String)
    /// The server cannot be reached or refused the connection.
    case offline(String)
    /// The server's schema is newer than this Triage: it is read, never written.
    case newerSchema(server: Int, known: Int)
    /// An applied migration differs from this Triage's (edited after it ran).
    case checksumMismatch(Int)
    case server(String)

    public var description: String {
        switch self {
        case let .configuration(message): return "team store: \(message)"
        case let .offline(message): return "team store offline: \(message)"
        case let .newerSchema(server, known):
            return "the team store's schema (version \(server)) is newer than this Triage's (\(known)): it is read, never written; update Triage"
        case let .checksumMismatch(version):
            return "the team store's migration \(version) differs from this Triage's (it was edited after it ran); nothing was changed"
        case let .server(message): return "team store: \(message)"
        }
    }
}

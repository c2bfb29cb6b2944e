/// The one table of secret names `SecretMasker` reads: every header, JSON key, object key, query or form
/// parameter and log field whose value is a credential, and what its value looks like. A name is compared
/// normalised (lower case, without `-`, `_` and `.`), so `x-api-key`, `X_API_KEY` and `xApiKey` are one entry.
enum SecretNames {
    /// What the value after a secret name is.
    enum Value: Sendable {
        /// One token (up to a space, quote or separator), or a whole quoted string.
        case token
        /// `Scheme credentials` (Authorization): the scheme is kept, everything after it up to the end of the
        /// line (or the closing quote) is masked: Bearer, Basic, Digest, ApiKey, AWS4-HMAC-SHA256 ...
        case schemeAndCredentials
        /// `a=1; b=2`: the value of every cookie up to the end of the line.
        case cookies
        /// `sid=1; Path=/; HttpOnly`: the first cookie's value; the attributes are kept.
        case setCookie
    }

    struct Entry: Sendable {
        let value: Value
        /// The kind reported when masked, nil for the default of the form it was found in.
        let kind: String?
        /// True when only a query or fragment parameter (`?key=`, `&sig=`) is a secret, not a log field.
        let queryOnly: Bool
    }

    /// Normalised name → entry.
    static let table: [String: Entry] = {
        var table: [String: Entry] = [:]
        func add(_ names: [String], _ value: Value = .token, kind: String? = nil, queryOnly: Bool = false) {
            for name in names { table[name] = Entry(value: value, kind: kind, queryOnly: queryOnly) }
        }
        add(["authorization", "proxyauthorization"], .schemeAndCredentials, kind: "Authorization header")
        add(["cookie"], .cookies, kind: "cookie")
        add(["setcookie"], .setCookie, kind: "cookie")
        add(["apikey", "xapikey", "apitoken", "xapitoken", "xgoogapikey", "ocpapimsubscriptionkey", "subscriptionkey",
             "authtoken", "xauthtoken", "accesstoken", "refreshtoken", "idtoken", "sessiontoken", "csrftoken", "xcsrftoken",
             "token", "bearertoken", "secret", "clientsecret", "appsecret", "secretkey", "privatekey", "apisecret",
             "password", "passwd", "passphrase", "awssecretaccesskey", "secretaccesskey", "restkey", "masterkey"])
        add(["xamzsignature", "xamzcredential", "xamzsecuritytoken", "awssessiontoken"], kind: "AWS signature")
        add(["signature", "xhubsignature", "xhubsignature256", "stripesignature"])
        add(["key", "sig", "accesskey"], queryOnly: true)
        return table
    }()

    /// The longest name in the table, normalised: longer words are never looked up.
    static let longest = table.keys.map(\.utf8.count).max() ?? 0

    /// Whether a request header of this name is masked (a vendor file's `secret_headers` must be).
    static func isSecret(header: String) -> Bool {
        let name = String(header.lowercased().filter { $0 != "-" && $0 != "_" && $0 != "." })
        guard let entry = table[name] else { return false }
        return !entry.queryOnly
    }
}

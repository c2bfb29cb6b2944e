import Foundation

/// Masks credentials in pasted text before anything is parsed, shown or exported: the `apikey` / `ApiKey`
/// headers, `Authorization` (keeping its scheme), bearer tokens anywhere, `authToken` and other secret fields
/// in JSON, and secret parameters in query strings. Request ids and other ids are kept.
public enum SecretMasker {
    public static let mask = "[secret]"

    /// Header names whose value is a secret.
    static let secretHeaders = "apikey|api-key|x-api-key|authorization|proxy-authorization|authtoken|auth-token|x-auth-token|cookie|set-cookie"
    /// JSON keys and query parameters whose value is a secret.
    static let secretFields = "apikey|api_key|api-key|authtoken|auth_token|access_token|refresh_token|id_token|token|secret|client_secret|password"

    private struct Rule: @unchecked Sendable {
        let kind: String
        /// Group 1 is kept, group 2 is the secret, group 3 is kept.
        let expression: NSRegularExpression
    }

    private static let rules: [Rule] = {
        func rule(_ kind: String, _ pattern: String) -> Rule {
            Rule(kind: kind, expression: try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive, .anchorsMatchLines]))
        }
        return [
            rule("Authorization header", #"(\bauthorization\s*:\s*(?:bearer|basic|token)\s+)((?!\[secret\])[^\s'"\\]+)()"#),
            rule("bearer token", #"(\bbearer\s+)((?!\[secret\])[A-Za-z0-9._~+/=-]{4,})()"#),
            rule("secret header", #"(\b(?:\#(secretHeaders))\s*:\s*)((?!\[secret\])(?!(?:bearer|basic|token)\s)[^\s'"\\,;}]+)()"#),
            rule("secret in JSON", #"("(?:\#(secretFields))"\s*:\s*")((?!\[secret\])(?:[^"\\]|\\.)+)(")"#),
            rule("secret in JSON", #"(\\"(?:\#(secretFields))\\"\s*:\s*\\")((?!\[secret\])(?:[^"\\]|\\[^"])+)(\\")"#),
            rule("secret parameter", #"((?:^|[?&;\s])(?:\#(secretFields))=)((?!\[secret\])[^&\s"'#]+)()"#),
        ]
    }()

    /// `text` with every secret replaced by `[secret]`, and the kinds that were found. A secret's value is
    /// also masked where it appears again elsewhere (a message quoting the key).
    public static func masked(_ text: String) -> (text: String, kinds: [String]) {
        var result = text
        var kinds: [String] = []
        var values: Set<String> = []
        for rule in rules {
            let range = NSRange(result.startIndex..., in: result)
            let matches = rule.expression.matches(in: result, range: range)
            guard !matches.isEmpty else { continue }
            for match in matches {
                if let secret = Range(match.range(at: 2), in: result), result[secret].count >= 6 { values.insert(String(result[secret])) }
            }
            result = rule.expression.stringByReplacingMatches(in: result, range: range, withTemplate: "$1" + mask + "$3")
            if !kinds.contains(rule.kind) { kinds.append(rule.kind) }
        }
        for value in values.sorted(by: { $0.count > $1.count }) {
            result = result.replacingOccurrences(of: value, with: mask)
        }
        return (result, kinds)
    }
}

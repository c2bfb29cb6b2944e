/// HTTP statuses as search and explain understand them: the standard reason phrase of each status a vendor API
/// is likely to return. The phrase is what the status means in general, never what a vendor documents: a code
/// is said to "return" a status only when the catalog says so.
public enum HTTPStatus {
    /// Reason phrases (RFC 9110 and RFC 6585).
    public static let reasons: [Int: String] = [
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
        405: "Method Not Allowed", 406: "Not Acceptable", 408: "Request Timeout", 409: "Conflict", 410: "Gone",
        411: "Length Required", 412: "Precondition Failed", 413: "Content Too Large", 414: "URI Too Long",
        415: "Unsupported Media Type", 422: "Unprocessable Content", 423: "Locked", 425: "Too Early",
        426: "Upgrade Required", 428: "Precondition Required", 429: "Too Many Requests",
        431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons", 500: "Internal Server Error",
        501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
    ]

    /// The reason phrase of `status`, if it is a status Triage knows.
    public static func reason(_ status: Int) -> String? { reasons[status] }

    /// Whether `word` (a search word) is a known HTTP status.
    package static func status(of word: [Character]) -> Int? {
        guard word.count == 3, word.allSatisfy(\.isNumber), let value = Int(String(word)), reasons[value] != nil
        else { return nil }
        return value
    }

    /// What a status means in catalog words, for codes whose vendor documents no statuses: 429 is rate
    /// limiting ("too many requests").
    package static func meaningWords(_ status: Int) -> [[Character]] {
        guard let reason = reasons[status] else { return [] }
        return SearchText.words(reason).map(\.text).filter { !WordForms.isFiller($0) || $0 == Array("not") }
    }
}

/// Light English word forms for search: "importing", "imported" and "imports" all become "import", "replies"
/// becomes "reply", "blocking" "block". Deliberately small (a few suffix rules, no dictionary): it only has to
/// make a ticket's wording meet the catalog's.
enum WordForms {
    /// The stem of a lowercase search word. Numbers and short words are returned unchanged.
    static func stem(_ word: [Character]) -> [Character] {
        guard word.count > 3, word.allSatisfy({ $0.isLetter }) else { return word }
        var w = word
        func ends(_ suffix: String) -> Bool { w.count > suffix.count + 2 && w.suffix(suffix.count).elementsEqual(suffix) }
        if ends("ies") {
            w.removeLast(3)
            w.append("y")
        } else if ends("sses") {
            w.removeLast(2)
        } else if ends("ing") {
            w.removeLast(3)
        } else if ends("ed") {
            w.removeLast(2)
        } else if ends("es"), let before = w.dropLast(2).last, "sxzh".contains(before) {
            w.removeLast(2)
        } else if w.last == "s", !ends("ss"), !ends("us"), !ends("is") {
            w.removeLast()
        }
        if w.count > 3, w.last == "e" { w.removeLast() }
        // "blocked" -> "block", "banned" -> "bann" -> "ban", "stopped" -> "stop".
        if w.count > 3, let last = w.last, w[w.count - 2] == last, !"aeiouls".contains(last) { w.removeLast() }
        return w
    }

    /// `stem` over NFC UTF-8 bytes: a byte-for-byte port for ASCII words (nearly all), `stem` itself otherwise.
    static func stem(bytes word: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard word.allSatisfy({ $0 < 0x80 }) else {
            return SearchBytes.of(stem(Array(String(decoding: word, as: UTF8.self))))
        }
        var w = Array(word)
        guard w.count > 3, w.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) }) else { return w }
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard w.count > count + 2 else { return false }
            return suffix.withUTF8Buffer { w.suffix(count).elementsEqual($0) }
        }
        if ends("ies") {
            w.removeLast(3)
            w.append(0x79)
        } else if ends("sses") {
            w.removeLast(2)
        } else if ends("ing") {
            w.removeLast(3)
        } else if ends("ed") {
            w.removeLast(2)
        } else if ends("es"), let before = w.dropLast(2).last, [0x73, 0x78, 0x7A, 0x68].contains(before) {
            w.removeLast(2)
        } else if w.last == 0x73, !ends("ss"), !ends("us"), !ends("is") {
            w.removeLast()
        }
        if w.count > 3, w.last == 0x65 { w.removeLast() }
        if w.count > 3, let last = w.last, w[w.count - 2] == last,
           ![0x61, 0x65, 0x69, 0x6F, 0x75, 0x6C, 0x73].contains(last) { w.removeLast() }
        return w
    }

    static func stem(bytes word: [UInt8]) -> [UInt8] { word.withUnsafeBufferPointer { stem(bytes: $0) } }

    /// Words a ticket puts around the facts that say nothing about which code it is: articles, pronouns,
    /// auxiliaries, "error", "code", "customer", JSON keys of the vendors' error bodies. They count when they
    /// match but are never required, and a query made only of them is searched as it is.
    static let fillerWords: Set<String> = [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "from", "by", "with", "as", "is", "are",
        "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "there", "here",
        "i", "we", "our", "ours", "you", "your", "they", "their", "them", "he", "she", "his", "her", "my", "me", "us",
        "do", "does", "did", "doing", "have", "has", "had", "can", "could", "would", "should", "will", "shall",
        "may", "might", "must", "how", "what", "why", "when", "where", "which", "who", "whom", "so", "but", "if",
        "then", "than", "just", "also", "still", "again", "any", "some", "all", "get", "gets", "got", "getting",
        "keep", "keeps", "kept", "see", "seeing", "seen", "sees", "saw", "show", "shows", "showing", "try", "tried",
        "trying", "tries", "help", "please", "pls", "thanks", "thank", "hi", "hello", "hey", "fix", "fixed",
        "customer", "customers", "client", "clients", "yesterday", "today", "now", "since", "suddenly", "after",
        "before", "every", "time", "times", "anyone", "someone", "something", "broke", "broken", "happen",
        "happens", "happened", "happening", "issue", "issues", "problem", "problems", "ticket", "t", "s", "don",
        "doesn", "isn", "wasn", "won", "didn", "cant", "cannot", "wont", "dont", "doesnt", "isnt", "im", "ive",
        "code", "codes", "error", "errors", "http", "https", "status", "api", "answers", "answer", "answered",
        "returns", "return", "returned", "returning", "fails", "fail", "failed", "failing", "says", "say", "said",
        "replied", "respond", "responds", "responded", "response", "sent",
        "errorcode", "devmessage", "ref", "details", "source", "json", "body", "content",
        "application", "length", "date", "server", "cache", "control", "private", "charset", "utf", "v1", "v2", "v3",
    ]

    static func isFiller(_ word: [Character]) -> Bool { fillerWords.contains(String(word)) }
}

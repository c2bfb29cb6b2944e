/// Light English word forms for search: "importing", "imported" and "imports" all become "import", "replies"
/// becomes "reply", "blocking" "block". Deliberately small (a few suffix rules, no dictionary): it only has to
/// make a ticket's wording meet the catalog's.
package enum WordForms {
    /// The stem of a lowercase search word as NFC UTF-8 bytes (what the index stores). Numbers and short words
    /// are returned unchanged. ASCII words (nearly all) are stemmed byte by byte; others by `Character`s, which
    /// is what "a letter", "the last letter" and the length mean for them.
    static func stem(bytes word: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        if word.allSatisfy({ $0 < 0x80 }) {
            let letters = Array(word)
            guard letters.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) }) else { return letters }
            return withoutSuffix(letters)
        }
        let letters = Array(String(decoding: word, as: UTF8.self))
        guard letters.allSatisfy(\.isLetter) else { return SearchBytes.of(letters) }
        return SearchBytes.of(withoutSuffix(letters))
    }

    static func stem(bytes word: [UInt8]) -> [UInt8] { word.withUnsafeBufferPointer { stem(bytes: $0) } }

    /// `stem(bytes:)` for a word as `Character`s (highlighting and the explainer compare words so).
    package static func stem(_ word: [Character]) -> [Character] {
        Array(String(decoding: stem(bytes: SearchBytes.of(word)), as: UTF8.self))
    }

    /// The suffix rules, written once for bytes and `Character`s: a word of letters loses "-ies" (to "-y"),
    /// "-ing", "-ed", "-es" after s/x/z/h, a plural "-s", then a final "e" and one of a doubled final consonant.
    private static func withoutSuffix<Letter: StemLetter>(_ word: [Letter]) -> [Letter] {
        guard word.count > 3 else { return word }
        var w = word
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard w.count > count + 2 else { return false }
            return suffix.withUTF8Buffer { w.suffix(count).elementsEqual($0) { $0.asciiValue == $1 } }
        }
        func isOne(_ letter: Letter, of letters: StaticString) -> Bool {
            guard let ascii = letter.asciiValue else { return false }
            return letters.withUTF8Buffer { $0.contains(ascii) }
        }
        if ends("ies") {
            w.removeLast(3)
            w.append(Letter(asciiLetter: 0x79))
        } else if ends("sses") {
            w.removeLast(2)
        } else if ends("ing") {
            w.removeLast(3)
        } else if ends("ed") {
            w.removeLast(2)
        } else if ends("es"), let before = w.dropLast(2).last, isOne(before, of: "sxzh") {
            w.removeLast(2)
        } else if let last = w.last, isOne(last, of: "s"), !ends("ss"), !ends("us"), !ends("is") {
            w.removeLast()
        }
        if w.count > 3, let last = w.last, isOne(last, of: "e") { w.removeLast() }
        // "blocked" -> "block", "banned" -> "bann" -> "ban", "stopped" -> "stop".
        if w.count > 3, let last = w.last, w[w.count - 2] == last, !isOne(last, of: "aeiouls") { w.removeLast() }
        return w
    }

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

    package static func isFiller(_ word: [Character]) -> Bool { isFiller(String(word)) }

    static func isFiller(_ word: String) -> Bool { fillerWords.contains(word) }
}

/// A letter the suffix rules read: a byte of an ASCII word, or a `Character`.
private protocol StemLetter: Equatable {
    /// Its ASCII value; nil beyond ASCII.
    var asciiValue: UInt8? { get }
    init(asciiLetter: UInt8)
}

extension UInt8: StemLetter {
    fileprivate var asciiValue: UInt8? { self }
    fileprivate init(asciiLetter: UInt8) { self = asciiLetter }
}

extension Character: StemLetter {
    fileprivate init(asciiLetter: UInt8) { self.init(Unicode.Scalar(asciiLetter)) }
}

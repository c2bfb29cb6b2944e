import Foundation

/// Whether a vendor's message is written in a paste exactly (letters and digits in order, case and spacing
/// aside, not inside a longer word), as opposed to sharing its word stems.
enum MessageMatch {
    /// `text` lowercased, every run of characters other than letters and digits turned into one space.
    static func flattened(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// Whether flattened `message` occurs in flattened `text` on word boundaries.
    static func contains(_ text: String, exactly message: String) -> Bool {
        guard !message.isEmpty else { return false }
        var searchStart = text.startIndex
        while let range = text.range(of: message, range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] == " "
            let after = range.upperBound == text.endIndex || text[range.upperBound] == " "
            if before && after { return true }
            searchStart = text.index(after: range.lowerBound)
        }
        return false
    }
}

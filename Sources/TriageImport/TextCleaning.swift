import Foundation

/// How imported text becomes catalog text, the same for every format: untrusted characters removed, spaces
/// collapsed, paragraphs kept (one blank line at most), obvious misspellings fixed, sizes bounded. The rules are
/// generic (no rule names a vendor or a code), so a re-import of the same page gives the same text.
public enum TextCleaning {
    /// A description or other prose: lines trimmed, runs of spaces collapsed, at most one blank line between
    /// paragraphs, typos fixed; cut at `limit` characters on a word boundary.
    public static func prose(_ text: String, limit: Int = ImportLimits.maximumDescriptionLength) -> String {
        var lines: [String] = []
        var blank = false
        for line in UntrustedText.strip(text).split(separator: "\n", omittingEmptySubsequences: false) {
            let collapsed = collapseSpaces(line)
            if collapsed.isEmpty {
                blank = !lines.isEmpty
                continue
            }
            if blank { lines.append("") }
            blank = false
            lines.append(collapsed)
        }
        return cut(Typos.fix(lines.joined(separator: "\n")), limit: limit)
    }

    /// A one-line field (message, summary, category name): newlines become spaces.
    public static func line(_ text: String, limit: Int = ImportLimits.maximumLineLength) -> String {
        cut(Typos.fix(collapseSpaces(Substring(UntrustedText.strip(text).replacingOccurrences(of: "\n", with: " ")))),
            limit: limit)
    }

    /// A code as the vendor writes it: stripped and trimmed, never changed otherwise (no typo fixes); nil when it
    /// cannot be a code (empty, several lines, too long).
    public static func code(_ text: String) -> String? {
        let code = UntrustedText.strip(text).trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, !code.contains("\n"), code.count <= ImportLimits.maximumCodeLength else { return nil }
        return code
    }

    /// Runs of spaces (and other horizontal white space) as one space, trimmed.
    static func collapseSpaces(_ line: Substring) -> String {
        var result = ""
        result.reserveCapacity(line.utf8.count)
        var space = false
        for character in line {
            if character == " " || character == "\u{A0}" || (character.isWhitespace && !character.isNewline) {
                space = !result.isEmpty
                continue
            }
            if space { result.append(" ") }
            space = false
            result.append(character)
        }
        return result
    }

    /// `text` cut to at most `limit` characters, at a space where there is one in the last fifth, with "…".
    static func cut(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        var head = String(text.prefix(limit - 1))
        if let space = head.lastIndex(of: " "), head.distance(from: space, to: head.endIndex) < limit / 5 {
            head = String(head[..<space])
        }
        return head + "…"
    }

    /// `Install Not Found` -> `install-not-found`: a catalog id (lowercase letters, digits, '-') for a name.
    public static func identifier(_ name: String) -> String {
        var result = ""
        var dash = false
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if dash, !result.isEmpty { result.append("-") }
                dash = false
                result.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
        }
        return String(result.prefix(60))
    }

    /// `user-linking` -> `User Linking`: a display name for an id nobody named.
    public static func title(ofIdentifier id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// The character entities of HTML and Markdown documents decoded (named ones that appear in documentation,
    /// and every numeric one); unknown names are left as written.
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";"), let decoded = entity(String(after[..<semicolon])) {
                result += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©", "reg": "®", "trade": "™",
        "laquo": "«", "raquo": "»", "middot": "·", "bull": "•", "times": "×", "larr": "←", "rarr": "→",
    ]

    private static func entity(_ name: String) -> String? {
        if let named = namedEntities[name] { return named }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        // An entity may spell a control or bidi character: it is untrusted text too.
        return UntrustedText.strip(String(Character(scalar)))
    }
}

/// Obvious misspellings in displayed text, fixed the way a spell checker would (codespell's list is the model):
/// single misspelt words, a reflexive pronoun split in two, and a verb that keeps its "s" after "does not". They
/// apply to every vendor's prose, never to codes; add a rule here when a new page has a new slip.
enum Typos {
    /// Misspelling -> correct word (lowercase; a capital first letter is kept).
    static let words: [String: String] = [
        "pasword": "password", "paswords": "passwords", "passwrod": "password", "iniator": "initiator",
        "initator": "initiator", "recieve": "receive", "recieved": "received", "reciever": "receiver",
        "occured": "occurred", "occurence": "occurrence", "seperate": "separate", "seperated": "separated",
        "sucess": "success", "sucessful": "successful", "succesful": "successful", "successfull": "successful",
        "adress": "address", "accesible": "accessible", "accessable": "accessible", "paramter": "parameter",
        "paramters": "parameters", "parmeter": "parameter", "retreive": "retrieve", "authenication": "authentication",
        "authentification": "authentication", "permisson": "permission", "permissons": "permissions",
        "avaiable": "available", "availble": "available", "avaliable": "available", "refered": "referred",
        "specifed": "specified", "requst": "request", "reponse": "response", "responce": "response",
        "allready": "already", "alredy": "already", "untill": "until", "wich": "which", "exeeded": "exceeded",
        "exceded": "exceeded", "excceded": "exceeded", "lenght": "length", "maximun": "maximum", "minimun": "minimum",
        "mesage": "message", "messsage": "message", "recipent": "recipient", "identifer": "identifier",
        "unkown": "unknown", "unknwon": "unknown", "invlaid": "invalid", "invaild": "invalid", "acount": "account",
        "suported": "supported", "unsuported": "unsupported", "neccessary": "necessary", "necesary": "necessary",
    ]

    /// Slips of more than one word (lowercase; matched at word boundaries, any case): an article typed as "and",
    /// a plural noun used as a modifier. Like the words above, a page's slip gets its rule here.
    static let phrases: [(wrong: String, right: String)] = [
        ("has and existing", "has an existing"), ("have and existing", "have an existing"),
        ("messages text", "message text"),
    ]

    /// Pronoun + "self"/"selves" written apart.
    static let reflexives = ["it", "him", "her", "my", "your", "them", "our", "one"]

    /// Verbs that lose their "s" after "does not", "do not", "did not" (and the contractions).
    static let baseVerbs = ["exist", "match", "belong", "contain", "support", "allow", "accept", "require", "include",
                            "appear", "need", "expire", "work", "apply", "refer"]

    static func fix(_ text: String) -> String {
        guard text.contains(where: \.isLetter) else { return text }
        var words = tokens(text)
        for index in words.indices where words[index].isWord {
            let word = words[index].text
            let lower = word.lowercased()
            if let correct = Self.words[lower] {
                words[index].text = word.first?.isUppercase == true ? correct.prefix(1).uppercased() + correct.dropFirst() : correct
            }
        }
        // "it self" -> "itself" (not "it self-signed").
        var index = 0
        while index + 2 < words.count {
            if words[index].isWord, reflexives.contains(words[index].text.lowercased()), words[index + 1].text == " ",
               words[index + 2].isWord, ["self", "selves"].contains(words[index + 2].text.lowercased()),
               index + 3 >= words.count || words[index + 3].text.first != "-" {
                words[index].text += words[index + 2].text
                words.removeSubrange((index + 1)...(index + 2))
            }
            index += 1
        }
        // "does not exists" -> "does not exist", "doesn't matches" -> "doesn't match".
        for index in words.indices where words[index].isWord {
            let lower = words[index].text.lowercased()
            guard lower.hasSuffix("s"), baseVerbs.contains(where: { lower == $0 + "s" || lower == $0 + "es" && $0.hasSuffix("ch") })
            else { continue }
            let before = previousWords(words, before: index, count: 2).map { $0.lowercased() }
            let negated = (before.count == 2 && ["does", "do", "did"].contains(before[0]) && before[1] == "not")
                || ["doesn't", "don't", "didn't", "doesn’t", "don’t", "didn’t"].contains(before.last ?? "")
            guard negated else { continue }
            let base = baseVerbs.first { lower == $0 + "s" || lower == $0 + "es" } ?? lower
            words[index].text = String(words[index].text.prefix(base.count))
        }
        return fixPhrases(words.map(\.text).joined())
    }

    /// Applies `phrases` where each stands as whole words; the case of the first letter is kept.
    private static func fixPhrases(_ text: String) -> String {
        var result = text
        for (wrong, right) in phrases {
            var searchStart = result.startIndex
            while let range = result.range(of: wrong, options: [.caseInsensitive], range: searchStart..<result.endIndex) {
                let before = range.lowerBound == result.startIndex ? nil : result[result.index(before: range.lowerBound)]
                let after = range.upperBound == result.endIndex ? nil : result[range.upperBound]
                guard before.map({ !$0.isLetter }) ?? true, after.map({ !$0.isLetter }) ?? true else {
                    searchStart = range.upperBound
                    continue
                }
                let original = result[range]
                let replacement = original.first?.isUppercase == true ? right.prefix(1).uppercased() + right.dropFirst() : right
                result.replaceSubrange(range, with: replacement)
                searchStart = result.index(range.lowerBound, offsetBy: replacement.count)
            }
        }
        return result
    }

    private struct Token {
        var text: String
        var isWord: Bool
    }

    /// Words (letters and apostrophes inside) and everything between them.
    private static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        var current = ""
        var inWord = false
        for character in text {
            let isWordCharacter = character.isLetter || ((character == "'" || character == "’") && inWord)
            if isWordCharacter != inWord, !current.isEmpty {
                result.append(Token(text: current, isWord: inWord))
                current = ""
            }
            inWord = isWordCharacter
            current.append(character)
        }
        if !current.isEmpty { result.append(Token(text: current, isWord: inWord)) }
        return result
    }

    /// Up to `count` words before `index`, nearest last, only across single spaces.
    private static func previousWords(_ tokens: [Token], before index: Int, count: Int) -> [String] {
        var found: [String] = []
        var position = index - 1
        while position >= 1, found.count < count, tokens[position].text == " ", tokens[position - 1].isWord {
            found.insert(tokens[position - 1].text, at: 0)
            position -= 2
        }
        return found
    }
}

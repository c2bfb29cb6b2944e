/// One generated vendor: its id, code style, jargon and categories, and the YAML of its file.
struct VendorPlan {
    enum CodeStyle { case snake, numeric, prefixed }

    let id: String
    let name: String
    let codeCount: Int
    let jargon: [String]
    let style: CodeStyle
    let categories: [(id: String, name: String)]
    let hasMessages: Bool
    private(set) var codes: [String] = []

    init(number: Int, codeCount: Int, jargon: [String], random: inout SeededRandom) {
        self.codeCount = codeCount
        self.jargon = jargon
        id = "\(jargon[0])-\(number)"
        name = jargon[0].capitalized + " " + random.pick(["Cloud", "API", "Platform", "Connect", "Messaging", "Pay", "Data"])
        style = [CodeStyle.snake, .snake, .snake, .numeric, .prefixed][random.below(5)]
        hasMessages = random.chance(75)
        var categories: [(id: String, name: String)] = []
        var taken = Set<String>()
        for _ in 0..<random.within(4...10) {
            let noun = random.pick(CommonWords.nouns)
            let word = random.pick(jargon)
            let categoryID = "\(word)-\(noun)"
            guard taken.insert(categoryID).inserted else { continue }
            categories.append((categoryID, "\(word.capitalized) \(noun)s"))
        }
        self.categories = categories
        var seen = Set<String>()
        let prefix = String(jargon[1].prefix(2)).uppercased()
        for index in 0..<codeCount {
            var code: String
            switch style {
            case .numeric: code = String(1000 + 2 * index + random.below(2))
            case .prefixed: code = "\(prefix)\(String(format: "%05d", 10 * index + random.below(10)))"
            case .snake:
                var parts = [random.pick(CommonWords.adjectives), random.pick(jargon), random.pick(CommonWords.nouns)]
                if random.chance(40) { parts.append(random.pick(CommonWords.verbs)) }
                if random.chance(30) { parts.swapAt(0, 1) }
                code = parts.joined(separator: "_").uppercased()
            }
            if !seen.insert(code).inserted {
                code += "_\(index)"
                seen.insert(code)
            }
            codes.append(code)
        }
    }

    func yaml(crossVendor other: VendorPlan?, random: inout SeededRandom) -> String {
        var text = "vendor:\n  id: \(id)\n  name: \(name)\n  product: \(sentence(&random, words: 5...9, period: false))\n"
        text += "  docs: https://docs.\(id).example/errors\n"
        text += "  facts:\n    - \(sentence(&random, words: 10...18))\n\ncategories:\n"
        for category in categories {
            text += "  - id: \(category.id)\n    name: \(category.name)\n"
            if random.chance(50) { text += "    description: \(sentence(&random, words: 6...14))\n" }
        }
        text += "\ncodes:\n"
        for code in codes {
            text += "  - code: \(code)\n    category: \(random.pick(categories).id)\n"
            if random.chance(80) { text += "    http: \(random.pick([400, 401, 403, 404, 409, 410, 413, 422, 429, 500, 502, 503]))\n" }
            if hasMessages { text += "    message: \(sentence(&random, words: 2...7, period: false))\n" }
            text += "    description: >-\n"
            let description = (0..<random.within(1...3)).map { _ in sentence(&random, words: 8...20) }.joined(separator: " ")
            for line in wrap(description, width: 100) { text += "      \(line)\n" }
            if random.chance(85) { text += list("causes", (0..<random.within(1...3)).map { _ in sentence(&random, words: 6...14) }) }
            if random.chance(85) { text += list("checks", (0..<random.within(1...3)).map { _ in check(&random) }) }
            if random.chance(70) {
                let keywords = (0..<random.within(2...5)).map { _ in
                    random.chance(50) ? random.pick(jargon) : "\(random.pick(CommonWords.adjectives)) \(random.pick(CommonWords.nouns))"
                }
                text += "    keywords: [\(keywords.joined(separator: ", "))]\n"
            }
            var related: [String] = []
            for _ in 0..<random.within(0...3) {
                let candidate = random.pick(codes)
                if candidate != code, !related.contains(candidate) { related.append(candidate) }
            }
            if let other, random.chance(5) { related.append("\"\(other.id):\(random.pick(other.codes))\"") }
            if !related.isEmpty { text += "    related: [\(related.joined(separator: ", "))]\n" }
        }
        return text
    }

    private func list(_ key: String, _ items: [String]) -> String {
        "    \(key):\n" + items.map { "      - \($0)\n" }.joined()
    }

    /// A sentence of common words and this vendor's jargon.
    private func sentence(_ random: inout SeededRandom, words range: ClosedRange<Int>, period: Bool = true) -> String {
        var words: [String] = []
        for position in 0..<random.within(range) {
            let roll = random.below(100)
            let word: String
            switch roll {
            case 0..<22: word = random.pick(jargon)
            case 22..<45: word = random.pick(CommonWords.nouns)
            case 45..<58: word = random.pick(CommonWords.verbs)
            case 58..<70: word = random.pick(CommonWords.adjectives)
            case 70..<73: word = String(random.within(1...599))
            default: word = random.pick(CommonWords.connectors)
            }
            words.append(position == 0 ? word.capitalized : word)
        }
        if words.count > 4, random.chance(30) { words[words.count / 2] += "," }
        return words.joined(separator: " ") + (period ? "." : "")
    }

    private func check(_ random: inout SeededRandom) -> String {
        "\(random.pick(CommonWords.checkVerbs).capitalized) the \(random.pick(jargon)) \(random.pick(CommonWords.nouns)) in the \(random.pick(CommonWords.places)) \(random.pick(CommonWords.places))."
    }

    private func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width { lines.append(line); line = "" }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

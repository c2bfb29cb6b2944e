import Foundation

/// Writes a synthetic catalog in the real YAML format (`catalog/vendors/*.yaml`), for the benchmark: many
/// vendors, each with its own jargon, categories, messages, descriptions, hints, keywords and related codes, so
/// the vocabulary grows with the size (about 44,000 distinct words at 100,000 codes) as a real catalog's would.
/// The same `codes` and `seed` always give byte-identical files.
public struct CatalogGenerator {
    /// What was written.
    public struct Summary: Sendable {
        public var codes: Int
        public var vendors: Int
        /// Distinct lowercase words over every text written (letters and digits, as search splits them).
        public var distinctWords: Int
        public var bytes: Int
        public var files: [String]
        /// The catalog folders written (one unless `folderLimit` split them).
        public var folders: [String]
    }

    /// Codes per vendor on average; with ~100 jargon words per vendor this gives the vocabulary's growth.
    static let codesPerVendor = 230
    static let jargonPerVendor = 100

    public let codes: Int
    public let seed: UInt64

    public init(codes: Int, seed: UInt64 = 1) {
        self.codes = max(1, codes)
        self.seed = seed
    }

    /// Vendor ids and their files' YAML text, in order. Deterministic for `codes` and `seed`.
    public func vendorFiles() -> [(name: String, text: String)] {
        var random = SeededRandom(seed: seed)
        let vendorCount = max(3, (codes + Self.codesPerVendor - 1) / Self.codesPerVendor)
        var jargon = JargonSource(reserved: CommonWords.nouns + CommonWords.verbs + CommonWords.adjectives
                                  + CommonWords.connectors + CommonWords.checkVerbs + CommonWords.places)
        var plans: [VendorPlan] = []
        var remaining = codes
        for number in 0..<vendorCount {
            let share = remaining / (vendorCount - number)
            remaining -= share
            let words = (0..<Self.jargonPerVendor).map { _ in jargon.next(&random) }
            plans.append(VendorPlan(number: number, codeCount: share, jargon: words, random: &random))
        }
        var files: [(name: String, text: String)] = []
        for index in plans.indices {
            let other = plans.count > 1 ? plans[(index + 1) % plans.count] : nil
            files.append(("\(plans[index].id).yaml", plans[index].yaml(crossVendor: other, random: &random)))
        }
        return files
    }

    /// Writes `vendors/<id>.yaml` under `directory` (created if needed) and summarises what was written. With
    /// `folderLimit`, the files go into `part-1/vendors`, `part-2/vendors`, ... each under that many bytes
    /// (triage reads at most `CatalogLimits.maximumFolderBytes` from one folder); `Summary.folders` lists them.
    public func write(to directory: String, folderLimit: Int? = nil) throws -> Summary {
        var words = Set<String>()
        var bytes = 0
        var names: [String] = []
        var folders: [String] = []
        var folderBytes = 0
        for file in vendorFiles() {
            let size = file.text.utf8.count
            if folders.isEmpty || (folderLimit.map { folderBytes + size > $0 } ?? false) {
                let folder = folderLimit == nil ? directory : (directory as NSString).appendingPathComponent("part-\(folders.count + 1)")
                try FileManager.default.createDirectory(atPath: (folder as NSString).appendingPathComponent("vendors"),
                                                        withIntermediateDirectories: true)
                folders.append(folder)
                folderBytes = 0
            }
            folderBytes += size
            let vendors = (folders.last! as NSString).appendingPathComponent("vendors")
            let path = (vendors as NSString).appendingPathComponent(file.name)
            try file.text.write(toFile: path, atomically: true, encoding: .utf8)
            bytes += file.text.utf8.count
            names.append(path)
            var current: [UInt8] = []
            for byte in file.text.utf8 {
                switch byte {
                case 0x30...0x39, 0x61...0x7A: current.append(byte)
                case 0x41...0x5A: current.append(byte + 0x20)
                default:
                    if !current.isEmpty { words.insert(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
                }
            }
        }
        return Summary(codes: codes, vendors: names.count, distinctWords: words.count, bytes: bytes, files: names,
                       folders: folders)
    }
}

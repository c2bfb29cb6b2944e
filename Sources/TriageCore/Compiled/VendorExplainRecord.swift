/// A vendor's explain declarations in the compiled catalog, in the binary codec the rest of it uses (not JSON:
/// decoding JSON at every start cost a tenth of a 100,000-code search): each list as `strings`, each map as its
/// keys sorted then their values, the bodies as a count then each body's code, messages and requirements. The same
/// declarations give the same bytes.
enum VendorExplainRecord {
    static func write(_ explain: VendorExplain, to writer: inout ByteWriter) {
        writer.strings(explain.hosts)
        writer.varint(explain.bodies.count)
        for body in explain.bodies {
            writer.string(body.code)
            writer.strings(body.message)
            writer.strings(body.requires)
        }
        writer.strings(explain.messages)
        writer.strings(explain.paths)
        map(explain.fields, &writer)
        map(explain.ids, &writer)
        writer.strings(explain.secretHeaders)
        writer.strings(explain.regions)
        let keys = explain.values.keys.sorted()
        writer.strings(keys)
        for key in keys { writer.strings(explain.values[key] ?? []) }
    }

    static func read(_ reader: inout ByteReader) throws -> VendorExplain {
        var explain = VendorExplain()
        explain.hosts = try reader.strings()
        for _ in 0..<(try reader.count()) {
            explain.bodies.append(VendorExplain.Body(code: try reader.string(), message: try reader.strings(),
                                                     requires: try reader.strings()))
        }
        explain.messages = try reader.strings()
        explain.paths = try reader.strings()
        explain.fields = try map(&reader)
        explain.ids = try map(&reader)
        explain.secretHeaders = try reader.strings()
        explain.regions = try reader.strings()
        let keys = try reader.strings()
        for key in keys { explain.values[key] = try reader.strings() }
        return explain
    }

    private static func map(_ map: [String: String], _ writer: inout ByteWriter) {
        let keys = map.keys.sorted()
        writer.strings(keys)
        writer.strings(keys.map { map[$0] ?? "" })
    }

    private static func map(_ reader: inout ByteReader) throws -> [String: String] {
        let keys = try reader.strings(), values = try reader.strings()
        guard keys.count == values.count else { throw ByteReader.Damaged() }
        return Dictionary(zip(keys, values), uniquingKeysWith: { first, _ in first })
    }
}

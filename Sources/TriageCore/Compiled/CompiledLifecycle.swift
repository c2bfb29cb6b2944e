/// The import fields of an entry (`since`, `deprecated`, `provenance`) in a compiled record, after its location.
extension ByteWriter {
    mutating func lifecycle(_ lifecycle: ImportLifecycle) {
        optionalString(lifecycle.since)
        optionalString(lifecycle.deprecated)
        varint(lifecycle.provenance.count)
        for source in lifecycle.provenance {
            string(source.field)
            string(source.file)
            string(source.format)
            optionalString(source.sha256)
            string(source.date)
            optionalString(source.valueHash)
        }
    }
}

extension ByteReader {
    mutating func lifecycle() throws -> ImportLifecycle {
        var lifecycle = ImportLifecycle(since: try optionalString(), deprecated: try optionalString())
        for _ in 0..<(try count()) {
            lifecycle.provenance.append(FieldSource(field: try string(), file: try string(), format: try string(),
                                                    sha256: try optionalString(), date: try string(),
                                                    valueHash: try optionalString()))
        }
        return lifecycle
    }
}

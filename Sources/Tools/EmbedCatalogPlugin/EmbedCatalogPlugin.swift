import Foundation
import PackagePlugin

/// Build-tool plugin: turns every YAML file under the package's top-level `catalog/` folder into Swift source
/// (one raw string literal per file), so the `triage` binary carries the catalog and works when copied alone.
/// The catalog files are the command's inputs, so editing one rebuilds the generated source.
@main
struct EmbedCatalogPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let catalog = context.package.directoryURL.appending(path: "catalog")
        let files = yamlFiles(under: catalog)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCatalogFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) catalog files",
                executable: try context.tool(named: "embed-catalog").url,
                arguments: [catalog.path, output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }

    private func yamlFiles(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil,
                                                          options: [.skipsHiddenFiles]) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }
}

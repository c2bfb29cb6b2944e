import Foundation
import Testing
import TestSupport
import TriageCore
import TriageStorage
import TriageTeam

/// Flags in the event stream and disagreement between hosts, against a real PostgreSQL: two hosts flag, the
/// binary's `review --team` shows both notes with counts equal to the sum of the hosts' own reviews; two hosts
/// appending to one session keep both streams and the views say so.
@Suite("Team store: flags and disagreement", .serialized)
struct TeamFeedbackTests {
    let base = TeamStoreTests()

    /// `triage review --json` (or `--team`) as name -> [reached, solved, not solved, escalated, flagged, +, -],
    /// for codes and conclusions, with every note.
    struct Review {
        var rows: [String: [Int]] = [:]
        var notes: [String] = []

        init(json text: String) throws {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
            for section in ["codes", "conclusions"] {
                for row in object[section] as? [[String: Any]] ?? [] {
                    let name = section + " " + (row["name"] as? String ?? "?")
                    rows[name] = ["reached", "solved", "not_solved", "escalated", "flagged", "thumbs_up", "thumbs_down"]
                        .map { row[$0] as? Int ?? -1 }
                    notes += row["notes"] as? [String] ?? []
                }
            }
        }

        init() {}

        static func + (lhs: Review, rhs: Review) -> Review {
            var sum = lhs
            sum.rows.merge(rhs.rows) { zip($0, $1).map(+) }
            sum.notes += rhs.notes
            return sum
        }
    }

    @Test("two hosts flag: review --team shows both notes, its counts are the sum of the hosts' own, secrets masked")
    func flagsReachTheTeam() async throws {
        let cluster = try PostgresCluster()
        let config = try base.config(cluster)
        let code = base.catalog.entries.reference(at: 0).description
        var local = Review()
        for (index, name) in ["flag-a", "flag-b"].enumerated() {
            let host = try base.host(name)
            let ids = try base.diagnose(host, count: index + 2, user: name)
            #expect(try host.store.setOutcome(index == 0 ? .solved : .escalated, id: ids[0], at: Date()))
            let conclusion = try #require(try host.store.load(id: ids[1])?.conclusion)
            _ = try host.store.addFlag(CatalogFlag(kind: .flag, tree: conclusion.tree, node: conclusion.node,
                                                   note: "steps miss the new dashboard (\(name))", sessionID: ids[1], user: name))
            _ = try host.store.addFlag(CatalogFlag(kind: .down, tree: conclusion.tree, node: conclusion.node, sessionID: ids[1], user: name))
            _ = try host.store.addFlag(CatalogFlag(kind: .flag, code: code, note: "wrong docs link \(name) Authorization: Bearer s3cr3tTokenValue99",
                                                   user: name))
            // The flag went into the outbox in the same transaction, masked like every event.
            let flagged = try host.store.events(after: 0).filter { $0.event.kind == .flagged }
            #expect(flagged.count == 3)
            #expect(!flagged.contains { $0.event.payload?.note?.contains("s3cr3tTokenValue99") == true })
            // Deleting the session keeps its flags (locally and in the team store), as the feedback table does.
            #expect(try host.store.delete(id: ids[1]))
            _ = try await host.sync(config)
            #expect(try host.store.outboxStatus().queued == 0)
            let review = try TriageProcess.run(["review", "--json", "--db", host.store.path],
                                               environment: ["HOME": TestPaths.temporaryDirectory("home").path])
            #expect(review.status == 0, "\(review.stderr)")
            local = local + (try Review(json: review.stdout))
        }
        #expect(try cluster.psql("SELECT count(*) FROM session_event WHERE kind = 'flagged' AND payload IS NOT NULL") == "6")
        let environment = ["HOME": TestPaths.temporaryDirectory("home").path, "TRIAGE_TEAM_DB": cluster.url(),
                           "TRIAGE_DB": TestPaths.temporaryDirectory("none").appendingPathComponent("s.sqlite").path]
        let run = try TriageProcess.run(["review", "--team", "--json"], environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        let team = try Review(json: run.stdout)
        #expect(team.rows == local.rows, "the team's counts are the sum of the hosts'")
        #expect(Set(team.notes) == Set(local.notes))
        for name in ["flag-a", "flag-b"] {
            #expect(team.notes.contains("steps miss the new dashboard (\(name))"))
        }
        #expect(team.rows.values.map { $0[4] }.reduce(0, +) == 4, "a flag on the conclusion and one on the code, from each host")
        #expect(team.rows.values.map { $0[6] }.reduce(0, +) == 2, "a thumbs down from each host")
        #expect(!team.rows.values.contains { $0.contains(-1) }, "every count read")
        #expect(team.rows["codes \(code)"]?[4] == 2)
        #expect(!run.stdout.contains("s3cr3tTokenValue99"))
        // Flags are not sessions: the team's session list and stats do not count them.
        let server = try await TeamServer.connect(config)
        #expect(try await server.sessions().count == 2 + 3, "the deleted ones listed as deleted")
        await server.close()
        // The text form lists the notes under their rows.
        let text = try TriageProcess.run(["review", "--team", "--since", "2000-01-01"], environment: environment)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("! steps miss the new dashboard (flag-a)"))
        #expect(text.stdout.contains("! steps miss the new dashboard (flag-b)"))
    }

    @Test("two hosts appending to one session: both streams kept, hosts named, ticket and outcome take the latest and are flagged")
    func disagreement() async throws {
        let cluster = try PostgresCluster()
        let config = try base.config(cluster)
        let a = try base.host("dis-a")
        let b = try base.host("dis-b")
        let ids = try base.diagnose(a, count: 2, user: "alice")
        // One host changing its mind is not a disagreement.
        #expect(try a.store.setOutcome(.solved, id: ids[1], at: Date()))
        #expect(try a.store.setOutcome(.escalated, id: ids[1], at: Date()))
        #expect(try a.store.setTicket("dis-a-1b", id: ids[1], at: Date()))
        #expect(try a.store.setOutcome(.solved, id: ids[0], at: Date()))
        _ = try await a.sync(config)
        let uuid = try #require(try a.store.sessionUUID(id: ids[0]))
        #expect(try !a.store.hasQueuedEvents(session: uuid), "all pushed")
        #expect(try a.store.setOutcome(.escalated, id: ids[0], at: Date()))
        #expect(try a.store.hasQueuedEvents(session: uuid), "a step only this host has")
        #expect(try a.store.setOutcome(.solved, id: ids[0], at: Date()))
        _ = try await a.sync(config)
        let server = try await TeamServer.connect(config)
        let betaID = try b.store.adopt(try await server.events(session: uuid), user: "bob", at: Date())
        // beta disagrees on both scalars; alpha keeps its own values.
        #expect(try b.store.setOutcome(.notSolved, id: betaID, at: Date()))
        #expect(try b.store.setTicket("ZD-2", id: betaID, at: Date()))
        _ = try await b.sync(config)
        let summaries = try await server.sessions()
        await server.close()
        let shared = try #require(summaries.first { $0.session == uuid })
        #expect(shared.hosts == 2)
        #expect(shared.hostNames == ["dis-a", "dis-b"])
        #expect(shared.ticket == "ZD-2", "the latest")
        #expect(shared.ticketDisputed)
        #expect(shared.outcome == SessionOutcome.notSolved.rawValue, "the latest")
        #expect(shared.outcomeDisputed)
        let alone = try #require(summaries.first { $0.session != uuid })
        #expect(alone.hosts == 1)
        #expect(alone.outcome == SessionOutcome.escalated.rawValue)
        #expect(!alone.outcomeDisputed, "one host changing its outcome is not a dispute")
        #expect(!alone.ticketDisputed, "nor its ticket")

        let environment = ["HOME": TestPaths.temporaryDirectory("home").path, "TRIAGE_TEAM_DB": cluster.url(), "COLUMNS": "200"]
        let list = try TriageProcess.run(["sessions", "list", "--team"], environment: environment)
        #expect(list.status == 0, "\(list.stderr)")
        let line = try #require(list.stdout.split(separator: "\n").first { $0.contains("ZD-2") }, "\(list.stdout)")
        #expect(line.contains("ZD-2 (disputed)"))
        #expect(line.contains("not solved (disputed)"))
        #expect(line.contains("hosts: dis-a, dis-b"))
        let json = try TriageProcess.run(["sessions", "list", "--team", "--json", "--ticket", "ZD-2"], environment: environment)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]], "\(json.stderr)")
        #expect(rows.count == 1)
        #expect(rows.first?["host_names"] as? [String] == ["dis-a", "dis-b"])
        #expect(rows.first?["ticket_disputed"] as? Bool == true)
    }
}

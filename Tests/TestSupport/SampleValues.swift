import TriageCore

/// Values a test can type into an `ask` step.
public enum SampleValues {
    /// A value the ask's rules accept (its first choice, or the first sample that fits its format or pattern);
    /// nil if none fits.
    public static func valid(for rules: ValueRules) -> String? {
        if let choice = rules.choices.first { return choice }
        let samples = ["3f2a1b4c-5d6e-4f80-9a1b-2c3d4e5f6a7b", "12345", "user@example.com", "https://example.com/hook",
                       "value-1", "abc123", "app-staging-123", "superhero1", "ABC123", "a"]
        return samples.first { if case .success = rules.check($0) { true } else { false } }
    }
}

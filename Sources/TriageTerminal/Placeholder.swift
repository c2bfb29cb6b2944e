import TriageUI

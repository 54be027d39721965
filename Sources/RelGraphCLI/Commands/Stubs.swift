import ArgumentParser
struct Info: ParsableCommand {}
struct Rank: ParsableCommand {}
struct Groups: ParsableCommand {}
struct Ego: ParsableCommand {}
struct Import: ParsableCommand {}

import ArgumentParser
import Foundation
import GraphDrawing
import GraphFormats
import GraphModel
import GraphvizRendering

/// `--series FROM:TO:STEP`: the years to draw.
struct SeriesSpec {
    let from: Int
    let to: Int
    let step: Int

    init(_ text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let from = Int(parts[0]), let to = Int(parts[1]), let step = Int(parts[2]) else {
            throw ValidationError("--series '\(text)' must be FROM:TO:STEP in years, e.g. 1917:1940:5")
        }
        guard from <= to else { throw ValidationError("--series '\(text)': FROM is after TO") }
        guard step >= 1 else { throw ValidationError("--series '\(text)': STEP must be 1 or more") }
        guard (to - from) / step < 500 else { throw ValidationError("--series '\(text)' would draw more than 500 frames") }
        self.from = from
        self.to = to
        self.step = step
    }

    /// FROM, FROM+STEP, … up to TO; TO itself is the last frame when the steps miss it.
    var years: [Int] {
        var y = Array(stride(from: from, through: to, by: step))
        if y.last != to { y.append(to) }
        return y
    }
}

extension Render {
    /// One frame per year (each sliced as `--at YEAR`), every entity at the place
    /// it has in the layout of the whole graph, plus one PDF of every frame.
    func runSeries(_ spec: SeriesSpec) throws {
        let whole = try input.loadUnsliced()
        if whole.entities.count > overviewAbove || whole.relations.count > 5 * overviewAbove {
            throw fail("--series draws every entity; \(grouped(whole.entities.count)) entities and \(grouped(whole.relations.count)) relations is above --overview-above \(overviewAbove)\n  try: --focus NAME, --community N (on one frame), or a larger --overview-above", code: Status.refused)
        }
        let placement = Drawings.place(whole, options: .init(labelCount: whole.entities.count <= 200 ? 200 : Self.labelCount, seed: seed))
        let stem = URL(fileURLWithPath: input.file).deletingPathExtension().lastPathComponent
        let dir = output
        var pages: [[UInt8]] = []
        var written: [String] = []
        for year in spec.years {
            guard let date = PartialDate(year: year) else { throw ValidationError("--series: \(year) is not a year") }
            let span = DateSpan(date)
            let keepUndated = !input.time.datedOnly
            let sliced = whole.filtered(relations: { $0.holds(during: span, keepUndated: keepUndated) })
            var tied = Set<String>()
            for r in sliced.relations { tied.insert(r.from); tied.insert(r.to) }
            let frame = sliced.filtered(entities: { tied.contains($0.id) })
            let title = "\(whole.name), \(year)"
            let subtitle = "\(frame.entities.count) entities and \(frame.relations.count) ties that held in \(year)"
                + (keepUndated ? " (undated ties kept; --dated-only drops them)" : "")
            let drawing = Drawings.draw(frame, placement: placement, title: title, subtitle: subtitle)
            let dot = drawing.dot(maxInches: format == .png ? 30 : nil)
            let path = (dir as NSString).appendingPathComponent("\(stem)-\(year).\(format.rawValue)")
            try renderAndWrite(dot: dot, engine: Graphviz.pinnedEngineName, format: format, to: path)
            written.append(path)
            pages.append(format == .pdf ? try Array(Data(contentsOf: URL(fileURLWithPath: path)))
                : try layoutInChild(dot: dot, engine: Graphviz.pinnedEngineName, format: .pdf).data)
        }
        let pdf = (dir as NSString).appendingPathComponent("\(stem)-\(spec.from)-\(spec.to).pdf")
        try AtomicWrite.write(Data(try PDFPages.merge(pages)), to: pdf)
        note("wrote \(written.count) frames (\(format.rawValue)) to \(dir): \(written.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))")
        note("wrote \(pdf) (\(pages.count) pages)")
    }
}

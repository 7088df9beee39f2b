import WartaEntities
import WartaQuotes
import WartaText

/// An ordered list of stages built once from one ``Configuration`` and run over every document.
/// Immutable and `Sendable`: one pipeline serves every thread.
///
/// The default stages, in order: input checks, HTML extraction, normalization, plain-text
/// article extraction, segmentation (paragraphs, tokens, sentences, clitics), language, then
/// for the entity layer tagging (and, with quotes, the speakers the tagger missed) and
/// resolution, and for the quote layer attribution. A stage that does not apply to a document
/// (HTML extraction on text) leaves it as it is; the Indonesian-only stages are skipped for a
/// document in another language unless ``Configuration/anyLanguage`` is set.
public struct Pipeline: Sendable {
    /// The configuration the stages were built from.
    public let configuration: Configuration
    /// The stages in order.
    public let stages: [any Stage]

    /// The pipeline `configuration` asks for.
    public init(configuration: Configuration = Configuration()) {
        self.init(stages: Pipeline.defaultStages(configuration), configuration: configuration)
    }

    /// A pipeline of the given stages.
    public init(stages: [any Stage], configuration: Configuration) {
        self.stages = stages
        self.configuration = configuration
    }

    /// The stages for `configuration`: the one place their order is written.
    public static func defaultStages(_ c: Configuration) -> [any Stage] {
        let layers = c.layers.closed
        let text = TextAnalyzer(lexicon: c.tokenizerLexicon)
        var stages: [any Stage] = [
            InputCheckStage(maxBytes: c.maxBytes, defaultCharset: c.defaultCharset),
            HTMLExtractionStage(defaultCharset: c.defaultCharset),
            NormalizationStage(normalizer: text.normalizer),
        ]
        if c.extractsArticles { stages.append(TextArticleStage()) }
        stages.append(SegmentationStage(analyzer: text))
        stages.append(LanguageStage())
        guard layers.contains(.entities) else { return stages }
        stages.append(EntityTaggingStage(tagger: EntityTagger(lexicon: c.entityLexicon, commonWords: c.tokenizerLexicon.commonWords,
                                                                 speakerCues: c.speakerCueKeys, subjectVerbs: c.subjectVerbKeys,
                                                                 model: c.entityModel.model),
                                             nested: c.nestedEntities))
        let attributor = layers.contains(.quotes) ? QuoteAttributor(verbs: c.speechVerbs, lexicon: c.entityLexicon, commonWords: c.tokenizerLexicon.commonWords) : nil
        if let attributor { stages.append(SpeakerStage(attributor: attributor)) }
        stages.append(EntityResolutionStage())
        if let attributor { stages.append(QuoteStage(attributor: attributor)) }
        return stages
    }

    /// Runs every stage over `document`.
    public func run(_ document: inout AnalyzedDocument) throws(WartaError) {
        var none: StageProfile? = nil
        try run(&document, profile: &none)
    }

    /// Runs every stage over `document`, adding each stage's time to `profile` when given. A
    /// document over the configured time budget is abandoned between stages.
    public func run(_ document: inout AnalyzedDocument, profile: inout StageProfile?) throws(WartaError) {
        let start = monotonicNanoseconds()
        // At most a billion seconds (`inf` is no limit): a Double past UInt64 traps.
        let seconds = configuration.maxSeconds.isNaN ? 0 : min(max(0, configuration.maxSeconds), 1e9)
        let budget = UInt64(seconds * 1e9)
        var last = start
        for (k, stage) in stages.enumerated() {
            if stage.isIndonesianOnly, !configuration.anyLanguage, let language = document.language, language != "id" {
                document.skippedStages.append(stage.name)
            } else {
                try stage.process(&document)
            }
            let now = monotonicNanoseconds()
            profile?.add(now &- last, to: k)
            last = now
            if now &- start > budget, k + 1 < stages.count {
                throw .timeout(seconds: configuration.maxSeconds, stage: stages[k + 1].name)
            }
        }
        profile?.bytes += document.inputBytes
        profile?.documents += 1
    }

    /// The analysed document, or why it could not be analysed.
    public func analyze(_ document: AnalyzedDocument) -> Result<AnalyzedDocument, WartaError> {
        var doc = document
        do throws(WartaError) {
            try run(&doc)
            return .success(doc)
        } catch {
            return .failure(error)
        }
    }

    /// `bytes` analysed as `format` (sniffed when nil).
    public func analyze(_ bytes: [UInt8], format: InputFormat? = nil, id: String = "doc", charset: String? = nil)
        -> Result<AnalyzedDocument, WartaError> {
        analyze(AnalyzedDocument(id: id, bytes: bytes, format: format ?? InputFormat.sniff(bytes), charset: charset))
    }
}

import ArgumentParser
import Foundation
import Warta
import WartaEntities

struct TrainNER: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-ner",
        abstract: "Train the PER/ORG/LOC sequence model on IOB2 data.",
        discussion: """
            Reads annotated sentences (one token per line, the token in the first column and its \
            IOB2 tag in the last; a blank line between sentences; PER, ORG, LOC, and PERSON, \
            ORGANISATION, PLACE as NERGrit names them; other types count as O), trains averaged \
            structured perceptrons with fixed seeds and averages them (the same data and options \
            give the same model), prints the scores on each --dev file after every epoch of the last run, and writes the model to \
            --output. Use it with `warta tag --model FILE` or `warta process --model FILE`.

            Example (the built-in model's recipe, see Models/SOURCES.md):
              warta train-ner --train idner/train.txt --train nergrit/train_preprocess.txt --dev idner/dev.txt --output ner.model

            The gazetteer features read the lexicons: train and tag with the same --lexicon files.

            --cross-validate K prints K-fold cross-validation scores on the --train data instead.
            --embed FILE writes the model as the Swift source that builds it into Warta.

            Exit status: 0 success, 2 usage or I/O error (an unreadable or malformed file).
            """
    )

    @Option(help: "Training data (IOB2, CoNLL columns); repeatable.")
    var train: [String] = []

    @Option(help: "Data scored after each epoch; repeatable.")
    var dev: [String] = []

    @Option(help: "Where to write the model.")
    var output: String?

    @Option(help: "Where to write the model as a Swift source file (for the built-in model).")
    var embed: String?

    @Option(help: "Passes over the data (perceptron).")
    var epochs = 8

    @Option(help: "Shuffling seed.")
    var seed: UInt64 = 13

    @Option(help: "Perceptrons trained with seeds seed, seed+1, …, averaged into the model (steadier than one).")
    var runs = 20

    @Option(help: "log2 of the number of weight rows (hashed features).")
    var bits = 18

    @Option(help: "CRF L2 regularisation coefficient (as CRFsuite's c2).")
    var c2 = 1.0

    @Option(help: "CRF L-BFGS iterations at most.")
    var iterations = 150

    @Flag(help: "Train a linear-chain CRF by L-BFGS (--iterations, --c2) instead of the averaged perceptron.")
    var crf = false

    @Flag(help: "Leave out the gazetteer features (for comparison).")
    var noGazetteer = false

    @Flag(help: "Leave out the word-class features (Lexicons/word-clusters.tsv; for comparison).")
    var noClasses = false

    @Flag(help: "Leave out the rule tagger's mentions as features (for comparison).")
    var noRules = false

    @Flag(help: "Tag in one pass, without what a first pass said of the same words elsewhere in the document (for comparison).")
    var noDocument = false

    @Option(help: "Score K-fold cross-validation on the training data instead of writing a model.")
    var crossValidate: Int?

    @Option(name: .customLong("lexicon"), help: "An entity lexicon TSV added to the built-in ones for the gazetteer features; repeatable.")
    var lexicons: [String] = []

    func validate() throws {
        if train.isEmpty { throw ValidationError("give training data with --train FILE") }
        if crossValidate == nil && output == nil && embed == nil { throw ValidationError("give --output FILE (or --embed FILE, or --cross-validate K)") }
        if let k = crossValidate, k < 2 { throw ValidationError("--cross-validate needs 2 folds or more") }
        if !(10...24).contains(bits) { throw ValidationError("--bits must be between 10 and 24") }
        if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
        if iterations < 1 { throw ValidationError("--iterations must be at least 1") }
    }

    func run() throws {
        try runReportingErrors {
            func read(_ path: String) throws(WartaError) -> [NERSentence] {
                NERCorpus.read(conll: String(decoding: try InputReader.read(path: path), as: UTF8.self))
            }
            var sentences: [NERSentence] = []
            for path in train { sentences += try read(path) }
            // Nothing to learn from, or fewer sentences than folds: no model worth writing.
            if sentences.isEmpty {
                throw WartaError.usage("\(train.joined(separator: ", ")): no sentences; IOB2 data has a token and its tag on each line, a blank line after each sentence")
            }
            if let k = crossValidate, k > sentences.count {
                throw WartaError.usage("--cross-validate \(k) needs at least \(k) sentences; the training data has \(sentences.count)")
            }
            var devSets: [(name: String, sentences: [NERSentence])] = []
            for path in dev { devSets.append((path, try read(path))) }
            var trainer = NERTrainer(lexicon: lexicons.isEmpty ? .builtIn : try EntityLexicon.builtIn(adding: lexicons, cacheFolder: LexiconCacheFolder.path))
            trainer.epochs = epochs
            trainer.seed = seed
            trainer.runs = runs
            trainer.bits = bits
            trainer.gazetteer = !noGazetteer
            trainer.classes = !noClasses
            trainer.rules = !noRules
            trainer.document = !noDocument
            trainer.c2 = c2
            trainer.iterations = iterations
            trainer.crf = crf
            let started = Date()
            if let k = crossValidate {
                let result = trainer.crossValidate(sentences, folds: k) { print($0); fflush(nil) }
                print("cross-validation (\(k) folds, \(sentences.count) sentences): \(result.total)")
                return 0
            }
            let model = trainer.train(sentences, dev: devSets) { print($0); fflush(nil) }
            let data = model.data()
            if let output { try OutputFile.write(data, to: output) }
            if let embed {
                let source = """
                    // Generated by `warta train-ner --embed` (see Models/SOURCES.md). Do not edit.

                    /// The built-in NER model, base64.
                    enum EmbeddedNERModel {
                        static let base64 = \"\"\"
                    \(Base64.encode(data))
                    \"\"\"
                    }

                    """
                try OutputFile.write(Array(source.utf8), to: embed)
            }
            print("trained on \(sentences.count) sentences in \(Int(Date().timeIntervalSince(started))) s; model \(data.count) bytes")
            return 0
        }
    }
}

/// Writing a whole file.
enum OutputFile {
    static func write(_ bytes: [UInt8], to path: String) throws(WartaError) {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw .usage("cannot write \(path): check that its folder exists and is writable")
        }
    }
}

extension EntityModel {
    /// The model `--model` names: the built-in one for nil, none for `none`, else a file
    /// `warta train-ner` wrote.
    static func load(_ path: String?, for layers: Configuration.Layers) throws(WartaError) -> EntityModel {
        guard let path else {
            // The built-in model from the lexicon cache: decoding its base64 text at every start
            // is most of what the model adds to start-up.
            guard layers.closed.contains(.entities), let model = LexiconCache.builtInEntityModel(folder: LexiconCacheFolder.path) else {
                return .builtIn
            }
            return .custom(model)
        }
        if path == "none" { return .none }
        let bytes = try InputReader.read(path: path)
        do { return .custom(try NERModel(data: bytes)) } catch {
            throw .usage("\(path): \(error)")
        }
    }
}

import Warta

// Reads a news text (or an HTML page) from standard input and prints
// the people in it and who said what.
var input = ""
while let line = readLine(strippingNewline: false) { input += line }

let warta = try Warta()
let doc = try warta.analyze(input)

print("People:", doc.people.map(\.name).joined(separator: ", "))
for quote in doc.quotes {
    let speaker = quote.speaker?.name ?? "(speaker unknown)"
    let words = quote.parts.map(doc.text).joined(separator: " … ")
    print("\(speaker) (\(quote.kind)): \(words)")
}

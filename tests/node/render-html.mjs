// Renders a Cucumber Messages NDJSON file with the standard @cucumber/html-formatter.
// Usage: node render-html.mjs MESSAGES.ndjson OUT.html
// Each line is parsed with @cucumber/messages' parseEnvelope; any line it rejects fails the run.
import { createReadStream, createWriteStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { CucumberHtmlStream } from '@cucumber/html-formatter'
import { parseEnvelope } from '@cucumber/messages'

const [input, output] = process.argv.slice(2)
if (!input || !output) {
  console.error('usage: node render-html.mjs MESSAGES.ndjson OUT.html')
  process.exit(2)
}

const envelopes = []
let lineNumber = 0
for await (const line of createInterface({ input: createReadStream(input) })) {
  lineNumber++
  if (line.trim() === '') continue
  try {
    envelopes.push(parseEnvelope(line))
  } catch (error) {
    console.error(`${input}:${lineNumber}: ${error.message}`)
    process.exit(1)
  }
}

await pipeline(Readable.from(envelopes), new CucumberHtmlStream(), createWriteStream(output))
console.log(`rendered ${envelopes.length} envelopes to ${output}`)

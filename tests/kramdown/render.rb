# Renders Markdown with kramdown as Jekyll configures it (Jekyll's default `kramdown:`
# options), for tests/kramdown/parity.py. Reads a JSON object {name: markdown} on stdin and
# writes {name: html} on stdout: one process for the whole corpus.
require "json"
require "kramdown"
require "kramdown-parser-gfm"

OPTIONS = {
  input: "GFM",
  hard_wrap: false,
  auto_ids: true,
  toc_levels: (1..6).to_a,
  entity_output: :as_char,
  smart_quotes: %w[lsquo rsquo ldquo rdquo],
  guess_lang: true,
  footnote_nr: 1,
  show_warnings: false,
  # Code is compared by its text and language: Rouge's colours are not Markdown.
  syntax_highlighter: nil,
}.freeze

cases = JSON.parse($stdin.read)
out = {}
cases.each do |name, text|
  out[name] = Kramdown::Document.new(text, OPTIONS).to_html
rescue StandardError => e
  out[name] = "<!-- kramdown error: #{e.class}: #{e.message} -->"
end
$stdout.write(JSON.generate(out))

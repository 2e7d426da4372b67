"""Theme stencils: the theme's templates run once for many pages.

Ten thousand event pages go through the same templates with the same
branches taken; only their texts differ (title, description, URLs, the
content).  A :class:`Stencil` is the output of one extra render of a page
in which every text of the page prints as a marker (:class:`Traced`), cut
at the markers: another page's output is the stencil with that page's
texts put back, escaped as the template escaped them.

What it stands on:

- a traced text prints as its marker, but anything else done with it
  (compared, looked up, sliced, tested for emptiness, measured, any of its
  methods) is done to the real text and noted with its result; the
  stencil serves another page only if each of those gives that page the
  same result, so a branch the other page would take differently is never
  assumed;
- the page's other values (numbers, flags, the shape of its metadata)
  must be equal, of the same type, and so must the rest of the template's
  context;
- in the marked render, only filters that print a text (``e``) or work on
  it through its own methods (``upper``, ``truncate``, ``default``,
  ``length``...) and tests of type or comparison may take a page's text;
  any other filter or test (``replace``, ``int``, ``striptags``, ``in``)
  given one, a template named by one, a marker the stencil cannot account
  for (a text percent-encoded, in JSON), an error, or a stencil that does
  not give back the page it was made from: no stencil from that page,
  which is rendered as before (after a few such tries, every page of its
  folder);
- the ``url`` filter (relative links) is computed again for each page when
  it reads a traced text, or a path inside the page's own folder; any other
  path gives the same relative link from every page of the same folder;
- a stencil's first two uses are checked against the templates' own
  output, and only pages out of the navigation use stencils (MkDocs marks
  the page in the navigation it renders as active).

What a template can still do unseen: test a page's text with Python's
operators once it is part of another text (``(title ~ x) == y``, ``title|e
== y``), look for it inside a literal (``lang in 'vi en'``), or compare the
page object itself with others.  The templates this site ships do none of
these (tests/pipeline/test_stencil.py renders every page both ways, and
templates that do the rest).
"""

from __future__ import annotations

import contextlib
import posixpath
import re
from collections.abc import Callable, Iterator, Mapping, Sized
from typing import Any

from markupsafe import escape

_OPEN, _CLOSE = "\ue000", "\ue001"  # private use: in no page's text (checked)
# a marker as printed: raw, escaped once or twice (the "&" shows which)
_PRINTED = re.compile(f"{_OPEN}(\\d+)&((?:amp;)*){_CLOSE}")
_TRIES = 8  # tries at a stencil for one folder of pages (each two renders), at most
# what a text does without being inspected
_PRINTING = {"__str__", "__format__", "__add__", "__radd__", "__getattribute__", "__new__", "__init__",
             "__init_subclass__", "__subclasshook__", "__class__", "__setattr__", "__delattr__",
             "__dir__", "__sizeof__", "__reduce__", "__reduce_ex__", "__getnewargs__", "__doc__"}

Where = tuple  # where a value is: ("page", attribute, key or index, ...)
Render = Callable[[Mapping[str, Any]], str]
UrlFilter = Callable[..., str]  # (context, path), or (path) for a filter given no context


class Traced(str):
    """A page's text in the marked render: prints as its marker (the
    string's own characters), does everything else to the real text."""

    _real: str
    _slot: int
    _trace: _Trace

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, spec: str) -> str:
        return str.__str__(self) if not spec else self._inspect("__format__", (spec,), {})

    def __add__(self, other: object) -> str:
        return str.__str__(self) + other if isinstance(other, str) else NotImplemented

    def __radd__(self, other: object) -> str:
        return other + str.__str__(self) if isinstance(other, str) else NotImplemented

    def _inspect(self, name: str, args: tuple, kwargs: dict) -> Any:
        return self._trace.inspected(self, name, args, kwargs)


def _inspecting(name: str) -> Callable[..., Any]:
    def method(self: Traced, *args: Any, **kwargs: Any) -> Any:
        return self._inspect(name, args, kwargs)
    method.__name__ = name
    return method


# what each inspection does, on a plain text (emptiness too, which str has as a length)
_METHODS: dict[str, Callable[..., Any]] = {
    **{name: getattr(str, name) for name in dir(str) if callable(getattr(str, name))},
    "__bool__": lambda text: text != ""}
for _name in sorted(set(_METHODS) - _PRINTING):
    setattr(Traced, _name, _inspecting(_name))


def _apply(name: str, text: str, args: tuple, values: list[str], kwargs: dict) -> Any:
    """What ``text.name(*args, **kwargs)`` gives, an argument that is one of
    the page's texts (:class:`_Ref`, in a tuple or list too) taken from ``values``."""
    if args:  # most inspections have none (emptiness, a hash) or one plain text
        args = _resolved(args, values)
    if kwargs:
        kwargs = {key: _resolved(value, values) for key, value in kwargs.items()}
    return _METHODS[name](text, *args, **kwargs)


def _resolved(value: Any, values: list[str]) -> Any:
    if type(value) is _Ref:
        return values[value.slot]
    if type(value) in (tuple, list):
        return type(value)(_resolved(item, values) for item in value)
    return value


def _refs(value: Any, trace: _Trace) -> Any:
    """``value`` with each of the page's texts in it as a :class:`_Ref`."""
    if isinstance(value, Traced) and value._trace is trace:
        return _Ref(value._slot)
    if type(value) in (tuple, list):
        return type(value)(_refs(item, trace) for item in value)
    return value


class _Unusable(Exception):
    """The marked render did something a stencil cannot stand for."""


class _Trace:
    """What the marked render of one page did with its values."""

    def __init__(self, page: object, context: Mapping[str, Any], url: UrlFilter) -> None:
        self.page, self.context, self.url = page, context, url
        # ("value", path) | ("op", (slot, method, arguments, keywords)) | ("url", slot) | ("url-of", path text)
        self.slots: list[tuple[str, Any]] = []
        self.reals: list[str] = []
        self.equal: list[tuple[Where, str, object]] = []  # (where, "value" | "keys" | "len", what): another page's too
        self.inspections: list[tuple[int, str, tuple, dict, Any]] = []

    def wrap(self, path: Where, value: object) -> object:
        if type(value) is str:  # Markup and other kinds of text: equal or nothing
            return self._traced(("value", path), value)
        if type(value) is dict:
            self.equal.append((path, "keys", tuple(value)))
            return {key: self.wrap((*path, key), item) for key, item in value.items()}
        if type(value) in (list, tuple):
            self.equal.append((path, "len", (type(value), len(value))))  # type: ignore[arg-type]
            return type(value)(self.wrap((*path, index), item) for index, item in enumerate(value))  # type: ignore
        self.equal.append((path, "value", _noted(value)))
        return value

    def _traced(self, slot: tuple[str, Any], real: str) -> Traced:
        if _OPEN in real or _CLOSE in real:
            raise _Unusable("a text holds a marker's character")
        number = len(self.slots)
        self.slots.append(slot)
        self.reals.append(real)
        marked = Traced(f"{_OPEN}{number}&{_CLOSE}")
        marked._real, marked._slot, marked._trace = real, number, self
        return marked

    def inspected(self, text: Traced, name: str, args: tuple, kwargs: dict) -> Any:
        plain, kwargs = _refs(args, self), {key: _refs(value, self) for key, value in kwargs.items()}
        result = _apply(name, text._real, plain, self.reals, kwargs)
        if isinstance(result, str):  # a text made of it (a slice): traced in turn, made again for each page
            return self._traced(("op", (text._slot, name, plain, kwargs)), result)
        done = (text._slot, name, plain, kwargs, result)
        if done not in self.inspections:  # a word looked up on every line: checked once a page
            self.inspections.append(done)
        return result

    def url_filter(self, value: object) -> str:
        """The ``url`` filter in the marked render: with the real page."""
        real = {"page": self.page, "base_url": self.context.get("base_url", "")}
        if isinstance(value, Traced) and value._trace is self:
            return self._traced(("url", value._slot), _call(self.url, real, value._real))
        text = str(value)
        if _OPEN in text or _CLOSE in text:
            raise _Unusable("a link made of a page's text and more")
        found = _call(self.url, real, text)
        if _in_folder(text, _folder(_page_url(self.page))):
            return self._traced(("url-of", text), found)
        return found


class _Ref:
    """An argument of an inspection that is itself one of the page's texts."""

    def __init__(self, slot: int) -> None:
        self.slot = slot

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Ref) and other.slot == self.slot

    __hash__ = None  # type: ignore[assignment]


class _Marked:
    """A page as the marked render sees it: its texts traced, its other
    values noted."""

    def __init__(self, page: object, trace: _Trace) -> None:
        self._page, self._trace = page, trace
        self._made: dict[str, object] = {}

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):
            raise AttributeError(name)
        if name not in self._made:
            self._made[name] = self._trace.wrap(("page", name), getattr(self._page, name))
        return self._made[name]


class Stencil:
    """One marked render, cut at its markers."""

    def __init__(self, trace: _Trace, output: str, unread: frozenset[str] = frozenset()) -> None:
        self.pieces: list[str | tuple[int, int]] = []  # text, or (slot, times escaped)
        at = 0
        for found in _PRINTED.finditer(output):
            self.pieces.append(output[at:found.start()])
            self.pieces.append((int(found.group(1)), found.group(2).count("amp;")))
            at = found.end()
        self.pieces.append(output[at:])
        if any(_OPEN in piece or _CLOSE in piece for piece in self.pieces if isinstance(piece, str)):
            raise _Unusable("a marker changed once printed")
        # its own copies: a traced text kept by the templates (it should not
        # be) notes nothing here afterwards
        self.slots, self.equal, self.inspections = list(trace.slots), list(trace.equal), list(trace.inspections)
        self.context = {name: value for name, value in trace.context.items() if name != "page"}
        self.place = _place(_page_url(trace.page))
        self.url, self.unread = trace.url, unread
        self.checks = 2  # its first uses, checked against the templates' own output

    def fill(self, page: object, context: Mapping[str, Any]) -> str | None:
        """``page``'s output, or None when this stencil cannot stand for it."""
        if _place(_page_url(page)) != self.place or not self._same_context(context):
            return None
        try:
            if any(_shown(_at(page, path), kind) != value for path, kind, value in self.equal):
                return None
            values: list[str] = []
            for kind, where in self.slots:
                value = self._value(kind, where, page, context, values)
                if type(value) is not str:
                    return None
                values.append(value)
            for slot, name, args, kwargs, result in self.inspections:
                if _apply(name, values[slot], args, values, kwargs) != result:
                    return None
        except Exception:  # noqa: BLE001 (what the page's own texts make of an inspection: not this stencil's)
            return None
        return "".join(piece if isinstance(piece, str) else _escaped(values[piece[0]], piece[1])
                       for piece in self.pieces)

    def _value(self, kind: str, where: Any, page: object, context: Mapping[str, Any], values: list[str]) -> object:
        if kind == "value":
            return _at(page, where)
        if kind == "op":
            slot, name, args, kwargs = where
            return _apply(name, values[slot], args, values, kwargs)
        real = {"page": page, "base_url": context.get("base_url", "")}
        return _call(self.url, real, values[where] if kind == "url" else where)

    def _same_context(self, context: Mapping[str, Any]) -> bool:
        for name, value in context.items():
            if name == "page" or name in self.unread:
                continue
            mine = self.context.get(name, _Unusable)
            if mine is not value and (type(mine) is not type(value) or mine != value):
                return False
        return len(self.context) == sum(1 for name in context if name != "page" and name not in self.unread)


class Stencils:
    """Stencils of one template's pages, made as pages come: for each
    folder of pages, up to a few (each costs two renders to make, and its
    first two uses are checked against the templates' own output)."""

    def __init__(self, render: Render, env: Any, unread: frozenset[str] = frozenset()) -> None:
        """``render``: the template's output for a context; ``env``: the
        Jinja environment it renders in (its ``url`` filter, its filters,
        tests and template loading are watched in the marked render);
        ``unread``: context entries no template reads (need not be equal)."""
        self._render, self._env, self._unread = render, env, unread
        self._made: dict[tuple[bool, str], list[Stencil]] = {}
        self._tries: dict[tuple[bool, str], int] = {}

    def render(self, page: object, context: Mapping[str, Any]) -> str:
        place = _place(_page_url(page))
        made = self._made.setdefault(place, [])
        for index, stencil in enumerate(made):
            output = stencil.fill(page, context)
            if output is None:
                continue
            if stencil.checks:  # its first uses: the templates' own output too
                stencil.checks -= 1
                real = self._render(context)
                if real != output:
                    made.remove(stencil)
                    return real
            if index:  # the most used first
                made.insert(0, made.pop(index))
            return output
        output = self._render(context)
        if self._tries.get(place, 0) < _TRIES:
            self._tries[place] = self._tries.get(place, 0) + 1
            new = self._make(page, context, output)
            if new is not None:
                made.append(new)
        return output

    def _make(self, page: object, context: Mapping[str, Any], output: str) -> Stencil | None:
        trace = _Trace(page, {k: v for k, v in context.items() if k not in self._unread},
                       self._env.filters["url"])
        try:
            with _watched(self._env, trace):
                marked = self._render({**context, "page": _Marked(page, trace)})
            stencil = Stencil(trace, marked, self._unread)
        except Exception:  # noqa: BLE001 (whatever the templates raise on marked values: no stencil)
            return None
        return stencil if stencil.fill(page, context) == output else None


# Filters whose output is only printed (where a filter next takes it, that
# filter is watched), and filters that work on a text through its own
# methods, length or emptiness (each noted: see Traced); any other filter
# or test given a page's text means no stencil.
_PRINTING_FILTERS = frozenset({"e", "escape", "forceescape"})
_TRACED_FILTERS = frozenset({"d", "default", "length", "count", "upper", "lower", "capitalize", "trim",
                             "center", "truncate", "string", "format"})
_TYPE_TESTS = frozenset({"defined", "undefined", "none", "string", "mapping", "sequence", "iterable", "number",
                         "integer", "float", "boolean", "true", "false", "callable"})
_COMPARING_TESTS = frozenset({"eq", "equalto", "==", "ne", "!=", "lt", "<", "lessthan", "le", "<=", "gt", ">",
                              "greaterthan", "ge", ">="})
_LOADING = ("get_template", "select_template", "get_or_select_template")


@contextlib.contextmanager
def _watched(env: Any, trace: _Trace) -> Iterator[None]:
    """The environment as the marked render sees it: the ``url`` filter
    with the real page, every other filter and test refusing a page's
    text it cannot stand for, and no template named by one."""
    filters, tests = env.filters, env.tests
    env.filters = {name: _watched_filter(name, function, trace) for name, function in filters.items()}
    env.tests = {name: _watched_test(name, function) for name, function in tests.items()}
    for name in _LOADING:
        setattr(env, name, _named(getattr(env, name)))
    try:
        yield
    finally:
        env.filters, env.tests = filters, tests
        for name in _LOADING:
            env.__dict__.pop(name, None)


def _watched_filter(name: str, function: Callable[..., Any], trace: _Trace) -> Callable[..., Any]:
    if name in _PRINTING_FILTERS:
        return function

    def watched(*args: Any, **kwargs: Any) -> Any:
        if name == "url":
            return trace.url_filter(args[-1])
        if _holds_text(args, kwargs, traced_ok=name in _TRACED_FILTERS):
            raise _Unusable(f"the {name} filter on a page's text")
        return function(*args, **kwargs)
    return _passing(watched, function)


def _watched_test(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    if name in _TYPE_TESTS:
        return function

    def watched(*args: Any, **kwargs: Any) -> Any:
        if _holds_text(args, kwargs, traced_ok=name in _COMPARING_TESTS):
            raise _Unusable(f"the {name} test on a page's text")
        return function(*args, **kwargs)
    return _passing(watched, function)


def _passing(watched: Callable[..., Any], function: Callable[..., Any]) -> Callable[..., Any]:
    """``watched``, given what Jinja gives ``function`` first (its context, environment)."""
    passed = getattr(function, "jinja_pass_arg", None)
    if passed is not None:
        watched.jinja_pass_arg = passed  # type: ignore[attr-defined]
    return watched


def _named(load: Callable[..., Any]) -> Callable[..., Any]:
    def watched(names: Any, *args: Any, **kwargs: Any) -> Any:
        if _holds_text((names,), {}, traced_ok=False):
            raise _Unusable("a template named by a page's text")
        return load(names, *args, **kwargs)
    return watched


def _holds_text(args: tuple, kwargs: dict, traced_ok: bool) -> bool:
    """Whether a page's text is among ``args`` and ``kwargs`` (in a list,
    tuple or mapping too): traced (unless ``traced_ok``), or printed into
    another text."""
    values: list[Any] = [*args, *kwargs.values()]
    while values:
        value = values.pop()
        if isinstance(value, Traced):
            if not traced_ok:
                return True
        elif isinstance(value, str):
            if _OPEN in value or _CLOSE in value:
                return True
        elif type(value) in (list, tuple):
            values.extend(value)
        elif type(value) is dict:
            values.extend(value.values())
    return False


def _call(url: UrlFilter, context: Mapping[str, Any], path: str) -> str:
    """The ``url`` filter's link to ``path`` from the context's page."""
    return url(context, path) if getattr(url, "jinja_pass_arg", None) is not None else url(path)


def _escaped(text: str, times: int) -> str:
    for _ in range(times):
        text = str(escape(text))
    return text


def _at(page: object, path: Where) -> Any:
    value: Any = getattr(page, path[1])
    for step in path[2:]:
        value = value[step]
    return value


def _shown(value: Any, kind: str) -> object:
    """What :class:`_Trace` noted of a value: itself, a mapping's keys, a list's length."""
    if kind == "keys":
        return tuple(value) if type(value) is dict else None
    if kind == "len":
        return (type(value), len(value)) if type(value) in (list, tuple) else None
    return _noted(value)


def _noted(value: object) -> object:
    """A value as it must be equal, with its type (1, 1.0 and True are
    equal, and print differently): itself, or for an empty collection of
    its own kind (a page's table of contents), that kind."""
    if isinstance(value, Sized) and not isinstance(value, (str, bytes, dict, list, tuple)) and len(value) == 0:
        return ("empty", type(value))
    return (type(value), value)


def _page_url(page: object) -> str:
    url = getattr(page, "url", "")
    return url if isinstance(url, str) else ""


def _folder(url: str) -> str:
    """The folder a page's relative links start from, but for its own last part."""
    return url.rstrip("/").rpartition("/")[0]


def _place(url: str) -> tuple[bool, str]:
    """What relative links from a page depend on, but for its own last
    part: whether that part is a folder, and the folder it is in."""
    return url.endswith("/"), _folder(url)


def _in_folder(path: str, folder: str) -> bool:
    """Whether a relative link to ``path`` may depend on the page's own
    last part: it goes up, or into the page's folder."""
    path = path.replace("\\", "/")  # as MkDocs reads it
    if path.startswith(("/", "#")) or "://" in path:
        return False
    normal = posixpath.normpath(path)
    return ".." in normal.split("/") or not folder or normal == folder or normal.startswith(folder + "/")

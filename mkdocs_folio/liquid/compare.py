"""`x == blank` as al-folio's templates expect it.

al-folio writes `{% if post.redirect == blank %}` for posts that have no `redirect`. The sites
that run it load Ruby's `blank?` for every value (nil and false are blank), so the test is true
for a missing key; python-liquid compares an undefined value with `blank` as false. Parsed
templates and `where_exp` conditions have their `== blank` comparisons switched to these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from liquid.builtin.expressions.logical import EqExpression, NeExpression
from liquid.builtin.expressions.primitive import Blank
from liquid.expression import Expression
from liquid.undefined import Undefined

if TYPE_CHECKING:
    from liquid.context import RenderContext

__all__ = ["blank_aware", "is_blank"]


def is_blank(value: object) -> bool:
    """Ruby's `blank?` (as Jekyll sites load it): nil, false, whitespace, empty collections."""
    if value is None or value is False or isinstance(value, (Undefined, Blank)):
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, dict)):
        return not value
    return False


class _BlankAwareEq(EqExpression):
    """`x == blank` is true for a missing value too, as al-folio's templates assume.

    al-folio writes `{% if post.redirect == blank %}` for posts without a `redirect`;
    python-liquid compares an undefined value with `blank` as false.
    """

    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        left, right = self.left.evaluate(context), self.right.evaluate(context)
        if isinstance(right, Blank):
            return is_blank(left)
        if isinstance(left, Blank):
            return is_blank(right)
        return super().evaluate(context)


class _BlankAwareNe(NeExpression):
    __slots__ = ()

    def evaluate(self, context: RenderContext) -> object:
        left, right = self.left.evaluate(context), self.right.evaluate(context)
        if isinstance(right, Blank):
            return not is_blank(left)
        if isinstance(left, Blank):
            return not is_blank(right)
        return super().evaluate(context)


def blank_aware(expression: object, depth: int = 0) -> None:
    """Make every `== blank` / `!= blank` in `expression` treat missing values as blank."""
    if depth > 50 or not isinstance(expression, Expression):
        return
    if type(expression) is EqExpression and Blank in (
        type(expression.left),
        type(expression.right),
    ):
        expression.__class__ = _BlankAwareEq
    elif type(expression) is NeExpression and Blank in (
        type(expression.left),
        type(expression.right),
    ):
        expression.__class__ = _BlankAwareNe
    for child in expression.children():
        blank_aware(child, depth + 1)

"""The process loop's ways back, routed so that no two cross (diagrams.py draws them).

Each way back runs from the stage it leaves up a lane beside the boxes to the stage it returns
to. Ways whose spans nest share a side, the longer one further out; a way whose span interleaves
with one on the right goes left, since two such lines on one side must cross. Where several meet
one side of a stage, their ports are ordered so that no line runs into another's lane.
"""

from __future__ import annotations

from dataclasses import dataclass

PORT_STEP = 8  # between two ways back that meet the same side of one stage
BADGE_RADIUS = 9
BADGE_CLEARANCE = 3  # between a badge and any other line


@dataclass
class Route:
    """A way back as drawn: the stages it joins (top above bottom), its side, lane and the points it meets them."""

    letter: str
    top: int  # the stage it returns to
    bottom: int  # the stage it leaves
    side: int = 1  # 1: right of the boxes, -1: left
    lane: int = 0  # 0 is nearest the boxes
    leave: float = 0.0  # y where it leaves the bottom stage
    arrive: float = 0.0  # y where it arrives at the top stage

    def interleaves(self, other: Route) -> bool:
        """Two spans that overlap without one holding the other must cross if drawn on one side."""
        return self.top < other.top < self.bottom < other.bottom or other.top < self.top < other.bottom < self.bottom

    def overlaps(self, other: Route) -> bool:
        return self.top <= other.bottom and other.top <= self.bottom


def route_ways_back(ways: list[tuple[str, dict]], position: dict[str, int]) -> list[Route]:
    """Sides and lanes so that no two ways back cross: nested spans share a side, the longer one outside;
    a span that interleaves with one on the right goes left. (Three spans that all interleave would
    need a third side; the last is then drawn on the right and may cross.)"""
    routes = [Route(letter, position[way["to"]], position[way["from"]]) for letter, way in ways]
    placed: list[Route] = []
    for route in sorted(routes, key=lambda r: r.top - r.bottom):  # longest first
        right = [r for r in placed if r.side == 1]
        if any(route.interleaves(r) for r in right) and not any(route.interleaves(r) for r in placed if r.side == -1):
            route.side = -1
        placed.append(route)
    for route in sorted(routes, key=lambda r: r.bottom - r.top):  # shortest first: inner lanes
        inside = [r.lane + 1 for r in routes if r.side == route.side and r is not route and r.overlaps(route)
                  and (r.bottom - r.top, routes.index(r)) < (route.bottom - route.top, routes.index(route))]
        route.lane = max(inside, default=0)
    return routes


def place_ports(routes: list[Route], middles: list[float]) -> None:
    """Where each way back meets its stages. On one side of a stage: the ways leaving it first, inner
    lanes highest, then the ways arriving, outer lanes highest; so no line meets another's lane."""
    for stage, middle in enumerate(middles):
        for side in (1, -1):
            leaving = sorted((r for r in routes if r.side == side and r.bottom == stage), key=lambda r: r.lane)
            arriving = sorted((r for r in routes if r.side == side and r.top == stage), key=lambda r: -r.lane)
            ports = [(r, "leave") for r in leaving] + [(r, "arrive") for r in arriving]
            for n, (route, end) in enumerate(ports):
                setattr(route, end, middle + (n - (len(ports) - 1) / 2) * PORT_STEP)


def badge_y(route: Route, routes: list[Route]) -> float:
    """The middle of the longest stretch of the route's lane that no other line passes."""
    reach = BADGE_RADIUS + BADGE_CLEARANCE
    low, high = route.arrive + reach, route.leave - reach
    crossing = sorted(y for r in routes if r.side == route.side and r.lane > route.lane
                      for y in (r.leave, r.arrive) if low - reach < y < high + reach)
    edges = [low, *(y for c in crossing for y in (c - reach, c + reach)), high]
    gaps = [(b - a, (a + b) / 2) for a, b in zip(edges[::2], edges[1::2])]
    return max(gaps)[1] if gaps and max(gaps)[0] >= 0 else (route.arrive + route.leave) / 2

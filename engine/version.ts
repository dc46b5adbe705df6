/** The engine version written into every run log; a log is verified against the engine that wrote it. */
// 0.2.0: people at risk are reached progressively as the work goes on (outcomes differ from 0.1.0's)
// 0.3.0: doctrine holds a commune's units at home while its own risk is high, and recalls units blocked on their way
//        to another area when their home area needs them (outcomes differ from 0.2.0's)
// 0.4.0: doctrine calls home a commune's units working with no lives at stake in another area when their home needs
//        them, and sends a much nearer free unit to an incident covered only by units far on their way (outcomes differ from 0.3.0's)
// 0.4.1: a unit a cut road sends the long way round is looked at again as far on its way (outcomes differ from 0.4.0's
//        only in runs where that happens: none of the shipped scenarios' first 40 seeds)
// 0.5.0: an area whose incidents lack what only units far on their way bring stays short of units: support asked for
//        early and sent from hours away no longer resets the clock doctrine declares level 1 by (outcomes differ from 0.4.1's)
// 0.5.1: an order lifts only an order's closure of a road (open_road no longer clears a slide, a rule clearing a slide
//        no longer lifts a closure by order), and an empty public statement is refused (outcomes differ from 0.5.0's
//        only in runs with such decisions: none of the shipped scenarios' or docs' decision files)
// 0.6.0: people who set off for a shelter hold places in it (incoming) and are counted in its occupancy only when they
//        arrive, a step later or when the hazard reaches their zone; a 0.5.1 keyframe lacks the places held and is refused
//        (who goes where is as before: outcomes differ from 0.5.1's in the shelters' occupancy events and counts)
// 0.7.0: people sent to a shelter travel there by the road network at the evacuees' speed (evacuation.speed_kmh,
//        default 20 km/h by road) and arrive when their trip is over, not a step later; a shelter no open road leads to
//        is passed over, and a zone none of whose shelters with room can be reached stalls with `cut`; people on the
//        road when the hazard strikes their zone go on to their shelter. A 0.6.0 keyframe lacks the zones' trips
//        (on_road) and is refused (outcomes differ from 0.6.0's wherever zones evacuate). A play session saved part-way
//        ends with the count of its people still at risk, as a run stopped there with --until does
// 0.8.0: a group of evacuees on the road keeps its way (Trip.way), and a road changed on it re-plans it from where it is,
//        as units on their way are: a road ahead cut (or closed by order) or slowed, or the one it is on, re-routes it
//        to the same shelter (zone.trip), and a road reopened elsewhere does when it gives a quicker way; with no open
//        way there it goes instead to another of its zone's shelters with room that an open way leads to, in the
//        zone's order, as many of it as each has room for (zone.trip with from_shelter); the rest are stranded at the
//        junction they reach, holding their places, and go on when a road opens or a shelter of the zone gains room
//        (zone.trip with stranded; zone.progress counts the zone's stranded). A 0.7.0 keyframe with people on the road
//        lacks their ways and arrivals' queue events and is refused (outcomes differ from 0.7.0's only in runs where
//        a road changes under evacuees on their way: none of the shipped scenarios' first seeds under doctrine).
//        A zone may give its people's own speed_kmh (absent: evacuation.speed_kmh, as before)
// 0.8.1: an inject a decision adds (add_inject) with `when:` is delivered when its condition holds, and one with
//        `contingency:` the given time after the inject it chases was delivered (skipped if its expected action was
//        taken), as the scenario's own injects are; 0.8.0 delivered both as they were added (outcomes differ from
//        0.8.0's only in runs with such decisions: none of the shipped scenarios' or docs' decision files)
// 0.8.2: a run played with one parameter changed (drill run --vary K=V) records K and V in run.start and the log's
//        head (`varied`), under the hash chain: a 0.8.1 engine verifying such a log parts at its first event. Runs
//        without --vary are byte for byte 0.8.1's. A dispatch of a unit already on its way to (or at) that incident
//        finds it so (no-change: left out when doctrine or a default gave it) rather than refused as a busy unit
//        (outcomes differ from 0.8.1's only in runs with such an order: none of the shipped scenarios' or decision files')
export const ENGINE_VERSION = '0.8.2';

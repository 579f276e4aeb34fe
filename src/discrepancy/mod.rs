//! Finding discrepancies between documents: what one account says that another
//! contradicts, leaves out, rewords or copies.
//!
//! Each finder looks at the linked analysis (pledges and quantities, roles,
//! quotations, sentences) and reports a [`Discrepancy`] with the spans that show
//! it. They are ordered by significance: conflicting figures and roles first,
//! single-source claims last.

pub mod diff;
mod figures;
mod names;
mod quotes;
mod reuse;
mod roles;

use crate::analysis::{Analysis, Parts};
use crate::model::{Discrepancy, DiscrepancyKind, Span};
use rayon::prelude::*;

/// One kind of discrepancy finder.
type Finder = fn(&Parts<'_>) -> Vec<Discrepancy>;

/// Every discrepancy of the corpus, most significant first, numbered `disc:1`...
pub fn find(p: &Parts<'_>) -> Vec<Discrepancy> {
    let (mut out, late) = rayon::join(|| find_without_figures(p), || find_with_figures(p));
    out.extend(late);
    rank(out)
}

/// The discrepancies of people, names, quotations and copied text: they need
/// the entities but not the linked figures, so they can run while figures are linked.
pub fn find_without_figures(p: &Parts<'_>) -> Vec<Discrepancy> {
    let (mut out, (reused, spins, quoted)) = rayon::join(
        || run(p, &[("roles", roles::find), ("missing names", names::missing), ("spelling", names::spelling)]),
        || {
            let (reused, spins) = reuse::find(p);
            // Quotations after the spun copies are known: a spinner's synonyms are no rewording.
            let quoted = quotes::find(p, &spins);
            (reused, spins, quoted)
        },
    );
    // Titles likewise: a spinner's synonym is no second title.
    out.extend(roles::titles(p, &spins));
    out.extend(quoted);
    out.extend(reused);
    out
}

/// The discrepancies of figures, pledges and single sources.
pub fn find_with_figures(p: &Parts<'_>) -> Vec<Discrepancy> {
    run(
        p,
        &[
            ("figures", figures::find),
            ("within documents", figures::within_documents),
            ("event dates", figures::event_dates),
            ("single source", figures::single_source),
        ],
    )
}

/// Orders discrepancies, most significant first, and numbers them `disc:1`...
pub fn rank(mut out: Vec<Discrepancy>) -> Vec<Discrepancy> {
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.kind.cmp(&b.kind)).then(first_span(a).cmp(&first_span(b))));
    for (i, d) in out.iter_mut().enumerate() {
        d.id = format!("disc:{}", i + 1);
    }
    out
}

/// Runs independent finders side by side; their results keep the finders' order.
fn run(p: &Parts<'_>, finders: &[(&str, Finder)]) -> Vec<Discrepancy> {
    let timing = std::env::var_os("CROSSREAD_TIMINGS").is_some();
    let found: Vec<Vec<Discrepancy>> = finders
        .par_iter()
        .map(|(name, f)| {
            let t = std::time::Instant::now();
            let v = f(p);
            if timing {
                eprintln!("crossread:   {name}: {:.3}s", t.elapsed().as_secs_f64());
            }
            v
        })
        .collect();
    found.into_iter().flatten().collect()
}

fn first_span(d: &Discrepancy) -> Option<Span> {
    d.spans.first().copied()
}

/// A short name for a document in summaries: the leading number of a file name
/// like `000_615a17b2679902ae`, else the whole id.
pub fn doc_label(a: &Analysis, doc: usize) -> String {
    let id = a.corpus.docs.get(doc).map_or("", |d| d.id.as_str());
    match id.split_once('_') {
        Some((head, _)) if !head.is_empty() && head.len() <= 6 && head.bytes().all(|b| b.is_ascii_digit()) => {
            head.to_string()
        }
        _ => id.to_string(),
    }
}

/// A new discrepancy (its id is set by [`find`]).
fn new(kind: DiscrepancyKind, summary: String, spans: Vec<Span>, score: f64) -> Discrepancy {
    Discrepancy { id: String::new(), kind, summary, details: Vec::new(), spans, score, entity: None, pledge: None }
}

/// The text of a span on one line.
fn one_line(a: &Analysis, s: Span) -> String {
    crate::report::one_line(a.span_text(s))
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::corpus::Corpus;
    use crate::model::DiscrepancyKind;

    fn found(texts: &[&str]) -> Vec<(DiscrepancyKind, String)> {
        let names: Vec<String> = (0..texts.len()).map(|i| format!("{i:03}_doc.txt")).collect();
        let a = Analysis::run(Corpus::from_texts(names.iter().map(String::as_str).zip(texts.iter().copied())));
        a.discrepancies.iter().map(|d| (d.kind, d.summary.clone())).collect()
    }

    fn has(v: &[(DiscrepancyKind, String)], kind: DiscrepancyKind, needle: &str) -> bool {
        v.iter().any(|(k, s)| *k == kind && s.contains(needle))
    }

    #[test]
    fn a_death_toll_stated_differently() {
        let d = found(&[
            "The earthquake that struck the northern province on Sunday killed at least 41 people, officials said on Monday.",
            "Officials said on Monday that 44 people were killed by the earthquake that struck the northern province.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "at least 41 people"), "{d:?}");
        assert!(has(&d, DiscrepancyKind::Figure, "44 people"), "{d:?}");
    }

    #[test]
    fn the_same_value_in_another_form_is_agreement() {
        let d = found(&[
            "The bloc announced €3.5 billion in humanitarian aid for the flood region on Tuesday.",
            "On Tuesday the bloc announced 3.5 billion euros in humanitarian aid for the flood region.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{d:?}");
    }

    #[test]
    fn a_rounded_figure_agrees_only_when_it_is_close() {
        let agree = found(&[
            "Floods forced about 9 million people from their homes across the delta, the agency said.",
            "The agency said 8.5 million people were forced from their homes across the delta by floods.",
        ]);
        assert!(!agree.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{agree:?}");
        let differ = found(&[
            "A wildfire forced about 12,000 residents to leave their homes, fire officials said.",
            "Around 10,000 people were forced to leave their homes by the wildfire, fire officials said.",
        ]);
        assert!(has(&differ, DiscrepancyKind::Figure, "12,000 residents"), "{differ:?}");
        // Two hedged estimates are two estimates: "about 38%" is not "around 40%" rounded.
        let hedged = found(&[
            "The harbour handles about 38% of the country's grain exports, the ministry said.",
            "The ministry said the harbour handles around 40% of the country's grain exports.",
        ]);
        assert!(has(&hedged, DiscrepancyKind::Figure, "38%"), "{hedged:?}");
    }

    #[test]
    fn a_document_that_gives_one_count_two_ways_contradicts_itself() {
        // A port strike: the union's membership is linked across the reports,
        // and the second report later gives it with two digits swapped.
        let two_ways = [
            "The dockers' union, which says it has about 4,600 members at the port, called the strike on Monday.",
            "The strike was called on Monday by the dockers' union, which has about 4,600 members at the port.\n\n\
             Union secretary Tomas Lindqvist said the roughly 6,400 members would stay out until the offer improved.",
        ];
        let d = found(&two_ways);
        assert!(
            d.iter().any(|(k, s)| *k == DiscrepancyKind::Figure
                && s.contains("4,600 members")
                && s.contains("6,400 members")),
            "{d:?}"
        );
        // A count that rose, and another party's count, are not the same figure stated twice.
        let not_one = found(&[
            "The dockers' union, which says it has about 4,600 members at the port, called the strike on Monday.",
            "The strike was called on Monday by the dockers' union, which has about 4,600 members at the port.\n\n\
             Its membership has since risen to 4,900 members, the secretary said.\n\n\
             The Harbour Pilots Association, with 4,800 members nationwide, backed the walkout.",
        ]);
        assert!(!not_one.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{not_one:?}");
        // A small count, one apart: an avalanche report names six climbers
        // buried, as the other does, and ends with "the five climbers".
        let d = found(&[
            "An avalanche buried six climbers near the summit ridge on Saturday, the mountain rescue service said.",
            "The avalanche buried six climbers near the summit ridge on Saturday, rescuers said.\n\n\
             A helicopter flew in at dawn. The five climbers were taken to hospital in the valley.",
        ]);
        assert!(
            d.iter().any(|(k, s)| *k == DiscrepancyKind::Figure
                && s.contains("six climbers")
                && s.contains("five climbers")),
            "{d:?}"
        );
    }

    #[test]
    fn a_document_that_gives_one_amount_or_share_two_ways_contradicts_itself() {
        // A stadium contract: the cost is linked across the reports; the second
        // report later names "the ... overrun" bill with one digit changed.
        let money = [
            "The council approved a contract worth €240 million for the new stadium roof on Monday.",
            "On Monday the council approved a €240 million contract for the stadium roof.\n\n\
             Opposition members said the €270 million contract should have gone to tender.",
        ];
        let d = found(&money);
        assert!(has(&d, DiscrepancyKind::Figure, "€270 million"), "{d:?}");
        // Another amount about something else, near in value, is no contradiction.
        let d = found(&[
            "The council approved a contract worth €240 million for the new stadium roof on Monday.",
            "On Monday the council approved a €240 million contract for the stadium roof.\n\n\
             The city's parks budget for the year is €250 million.",
        ]);
        assert!(!has(&d, DiscrepancyKind::Figure, "€250 million"), "{d:?}");
        // A share of one named thing, given two ways; and "1,400" then "1,100" accounts.
        let d = found(&[
            "Smallholders grow 85% of the region's cocoa crop, the board said. Auditors flagged 1,400 accounts.",
            "The board said smallholders grow 85% of the region's cocoa crop. Auditors flagged 1,400 accounts.\n\n\
             The smallholders, who grow 80% of the region's cocoa crop, met the board.\n\n\
             Most of the 1,100 accounts have been closed.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "80%"), "{d:?}");
        assert!(has(&d, DiscrepancyKind::Figure, "1,100 accounts"), "{d:?}");
    }

    #[test]
    fn a_document_contradicts_itself_where_no_other_report_helps() {
        // A Lisbon price-fixing case: only the tribunal's release counts the
        // people convicted, once as 11 and once as 12.
        let d = found(&[
            "The tribunal fined three ferry operators on Monday for fixing fares on river crossings.",
            "The tribunal fined three ferry operators on Monday for fixing fares.\n\n\
             The Tribunal also convicted 11 individuals, all of them former managers of the operators.\n\n\
             The 12 individuals convicted must pay fines within 30 days.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "12 individuals"), "{d:?}");
        // A flood in the Drina valley: a weekday is no owner of a count ("on
        // Sunday"), so 13 and 15 villages conflict.
        let d = found(&[
            "The flood wave swept through 13 villages in the valley overnight, officials said.",
            "The flood wave from the Drina swept through 13 villages in the valley overnight.\n\n\
             The governor said on Sunday that schools in the 15 affected villages would stay closed.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "15 affected villages"), "{d:?}");
        // A tyre plant's state aid: the others state the value this report gives
        // apart ("€41.2 million") for what it states as 42.1 million euros.
        let d = found(&[
            "The carmaker must repay 41.2 million euros of the state grant, the ministry said.",
            "The carmaker must repay 41.2 million euros of the state grant, officials said.",
            "Vantor Group will close the line in May. Under the 2019 aid agreement, Vantor must pay back €41.2 million \
             to the treasury.\n\n\
             The carmaker must repay 42.1 million euros of the state grant, the union said.",
        ]);
        assert!(d.iter().any(|(k, s)| *k == DiscrepancyKind::Figure && s.contains("€41.2 million (002)")), "{d:?}");
    }

    #[test]
    fn a_part_and_its_whole_in_one_sentence_are_no_contradiction() {
        // A nurses' strike ballot in Porto, and a donors' conference in Kathmandu.
        let d = found(&[
            "Turnout was 88 per cent: of the 3,112 members eligible to vote, 2,740 members returned ballots.",
            "The union said 3,112 members were eligible to vote in the strike ballot.",
        ]);
        assert!(!has(&d, DiscrepancyKind::Figure, "2,740 members"), "{d:?}");
        let d = found(&[
            "Donors pledged about $1.1 billion in grants and $1.6 billion in loans for rebuilding.",
            "The donors' pledges included $1.6 billion in loans for rebuilding homes.",
        ]);
        assert!(!has(&d, DiscrepancyKind::Figure, "$1.1 billion"), "{d:?}");
    }

    #[test]
    fn a_blank_after_a_long_portfolio_is_the_short_form_elsewhere() {
        // A Kenyan spectrum sale: the release writes the ministry out in full,
        // with its communications and innovation portfolios, and blanks the name.
        let d = found(&[
            "Communications Minister Ruth Wambui welcomed the outcome of the sale.",
            "The Minister of Communications, Innovation and Digital Economy, , commended the regulator.",
        ]);
        assert!(d.iter().any(|(k, s)| *k == DiscrepancyKind::MissingName && s.contains("Ruth Wambui")), "{d:?}");
    }

    #[test]
    fn a_blank_after_an_office_styled_honourable() {
        // A Ghanaian budget: the release styles the office and lost the name.
        let d = found(&[
            "Finance Minister Ama Mensah said the budget would be presented in March.",
            "The Honourable Minister of Finance, , said the budget would be presented in March.",
        ]);
        assert!(d.iter().any(|(k, s)| *k == DiscrepancyKind::MissingName && s.contains("Ama Mensah")), "{d:?}");
    }

    #[test]
    fn a_blank_after_a_portfolio_listed_with_commas() {
        // A Ghanaian stadium deal: one report names the minister after her whole
        // office, another leaves the slot after it empty.
        let d = found(&[
            "Minister of Youth, Sport and the Creative Arts Abena Owusu said the deal was signed.",
            "The Minister of Youth, Sport and the Creative Arts, , said the deal was signed on Monday.",
        ]);
        let missing: Vec<&String> =
            d.iter().filter(|(k, _)| *k == DiscrepancyKind::MissingName).map(|(_, s)| s).collect();
        assert!(
            missing.iter().any(|s| s.contains("Sport and the Creative Arts") && s.contains("Abena Owusu")),
            "{d:?}"
        );
        // And when the first word of the portfolio is no common word.
        let d = found(&[
            "Minister of Fisheries, Ports and the Blue Economy Marie-Claire Hoareau said the deal was signed.",
            "The Minister of Fisheries, Ports and the Blue Economy, , said the deal was signed on Monday.",
        ]);
        assert!(
            d.iter().any(|(k, s)| *k == DiscrepancyKind::MissingName && s.contains("Marie-Claire Hoareau")),
            "{d:?}"
        );
    }

    #[test]
    fn names_cut_before_a_clause_or_after_a_long_office() {
        // A hospital fire: one report cuts the minister's name before "who",
        // another the name of the director of a department with a long name.
        let d = found(&[
            "Health Minister Ana Lucia Ferraz, who visited the ward on Sunday, thanked the firefighters. Officials \
             suspended Mr Diego Almeida, director of the Department of Fire Safety and Building Inspection, \
             which approved the wiring.",
            "The hospital thanked Health Minister , who visited the ward on Sunday. The director of the \
             Department of Fire Safety and Building Inspection, , was suspended on Monday.",
        ]);
        let missing: Vec<&String> =
            d.iter().filter(|(k, _)| *k == DiscrepancyKind::MissingName).map(|(_, s)| s).collect();
        assert!(missing.iter().any(|s| s.contains("Health Minister") && s.contains("Ana Lucia Ferraz")), "{missing:?}");
        assert!(
            missing.iter().any(|s| s.contains("Department of Fire Safety") && s.contains("Diego Almeida")),
            "{missing:?}"
        );
        // "the minister, who" with the article is a role used as a noun, no blank.
        let d = found(&["The hospital thanked the Health Minister , who visited the ward on Sunday."]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::MissingName), "{d:?}");
    }

    #[test]
    fn countries_own_the_troops_they_pledge() {
        // A Pacific peacekeeping force: each country's contingent is its own,
        // even when one report gives two, close in value, in one sentence.
        let d = found(&[
            "Fiji pledged the largest contingent, 1,500 troops, President Ratu Seru told the summit. Tonga offered \
             1,000 soldiers and $5 million.",
            "Fiji, which will command the force, put forward 1,200 troops, while Tonga promised 1,000 troops and \
             US$5m in funding.",
            "Fiji remains the largest contributor with 1,500 troops, and the force will be led by a Fijian officer.",
            "Fiji pledged the biggest contingent, 1,500 troops, President Ratu Seru told the summit. Tonga offered \
             1,000 soldiers and $5 million.",
        ]);
        assert!(
            d.iter().any(|(k, s)| *k == DiscrepancyKind::Figure
                && s.contains("1,500 troops")
                && s.contains("1,200 troops")),
            "{d:?}"
        );
        assert!(!d.iter().any(|(k, s)| *k == DiscrepancyKind::Figure && s.contains("1,000 soldiers")), "{d:?}");
    }

    #[test]
    fn one_count_in_two_places_with_an_earlier_value_beside_it() {
        // A mountain rescue: one report gives the rise since Monday, the other
        // the total at a shelter in a town; the digits are swapped.
        let d = found(&[
            "Rescuers on Crete's southern coast have brought down 1,260 stranded hikers, up from 640 on Monday, \
             officials said.",
            "By Tuesday the mountain shelter in Sfakia had taken in 1,620 stranded hikers, many of them tourists.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "1,620 stranded hikers"), "{d:?}");
    }

    #[test]
    fn two_spans_of_time_are_not_one_figure_by_their_unit_alone() {
        // A ferry grounding: "two days after" it and a storm "forecast for three
        // days" are two different spans of time.
        let d = found(&[
            "Oil reached the beaches of the bay two days after the ferry ran aground.",
            "The crew had anchored close to the cape in a storm that had been forecast for three days.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{d:?}");
    }

    #[test]
    fn what_remains_is_not_the_whole() {
        // A grounded grain ship: the cargo, and what is left of it to unload.
        let d = found(&[
            "The freighter was carrying 52,000 tonnes of wheat when it grounded off the port.",
            "Crews will begin to unload the remaining 48,500 tonnes of wheat from the freighter on Sunday.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{d:?}");
    }

    #[test]
    fn one_change_from_one_earlier_value_told_two_ways() {
        // A card-fee rule: both reports start from 1.5% and end apart.
        let d = found(&[
            "The regulator will cut the cap on card fees charged to small shops to 0.3% from 1.5% next year.",
            "Small shops will see the cap on card fees lowered from 1.5 per cent to 0.5 per cent, the regulator said.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "0.3%") && has(&d, DiscrepancyKind::Figure, "0.5 per cent"), "{d:?}");
    }

    #[test]
    fn a_converted_amount_is_hedged_or_not_by_custom() {
        // A flood-relief fund in baht, converted in brackets by one report.
        let d = found(&[
            "The cabinet approved a relief fund of 120 billion baht (about $3.4 million) for flooded provinces.",
            "The cabinet approved a US$3.4 million relief fund for flooded provinces on Tuesday.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{d:?}");
        // Not converted, the hedge is a claim.
        let d = found(&[
            "The cabinet approved a relief fund of about $3.4 million for flooded provinces.",
            "The cabinet approved a US$3.4 million relief fund for flooded provinces on Tuesday.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "about $3.4 million"), "{d:?}");
    }

    #[test]
    fn two_chief_officers_opening_a_sentence() {
        // An insurer's shake-up: one report makes the departing executive its
        // chief compliance officer, another its chief risk officer.
        let d = found(&[
            "The insurer said its board had met on Monday. Chief compliance officer Hana Ito will leave in March.",
            "The board met on Monday. Chief risk officer Hana Ito will leave the insurer in March.",
        ]);
        assert!(has(&d, DiscrepancyKind::Role, "Chief compliance officer"), "{d:?}");
    }

    #[test]
    fn two_parts_every_report_states_are_no_conflict() {
        // A sanctions settlement: a fine and a forfeiture, in both reports.
        let d = found(&[
            "The exporter will pay a total of $16 million, consisting of a fine of $12 million and the \
             confiscation of $4 million, prosecutors said.",
            "Under the settlement the exporter pays $16 million: a $12 million fine and $4 million in confiscated \
             proceeds, prosecutors said.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{d:?}");
    }

    #[test]
    fn a_country_and_its_people_are_no_two_owners() {
        // A trade accord: the share of farm goods freed of duty, given by the
        // country in one sentence and by its adjective in another.
        let d = found(&[
            "Under the accord Japan will scrap duties on 95% of Chilean farm products from January.",
            "Under the accord Japan will scrap duties on 95% of Chilean farm products from January.\n\n\
             The Japanese tariff cuts cover 90% of Chilean farm products but exclude wine.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "90%"), "{d:?}");
    }

    #[test]
    fn a_report_whose_two_values_are_each_linked_elsewhere() {
        // A trawler sinking: the third report gives the crew as the others do,
        // then again with another number that the linker puts with the second
        // report's count.
        let d = found(&[
            "All 18 crew members were winched to safety by a coastguard helicopter on Monday.",
            "The trawler, with 18 crew on board, sank in a gale off the headland on Monday.",
            "All 18 crew members were winched to safety on Monday.\n\n\
             Questions remain about why the trawler, with 16 crew on board, sailed into the gale.",
        ]);
        assert!(
            d.iter()
                .any(|(k, s)| *k == DiscrepancyKind::Figure && s.contains("18 crew members") && s.contains("16 crew")),
            "{d:?}"
        );
    }

    #[test]
    fn a_count_after_of_is_the_whole_unless_a_part_comes_first() {
        // A baby-formula recall: "the recall of 14 lots" is the recall itself, so
        // a later "the 16 lots" in the same report contradicts it; "three of 15
        // lots" is a part and says nothing against it.
        let d = found(&[
            "The regulator ordered the recall of 14 lots of the formula on Tuesday.",
            "The regulator on Tuesday ordered the recall of 14 lots of infant formula made by Dairex.\n\n\
             Pharmacies in four provinces said they had pulled tins from the 16 lots by the evening.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "16 lots"), "{d:?}");
        let d = found(&[
            "The regulator ordered the recall of 14 lots of the formula on Tuesday.",
            "The regulator on Tuesday ordered the recall of 14 lots of infant formula made by Dairex.\n\n\
             Tests found bacteria in three of 15 lots sampled by the evening.",
        ]);
        assert!(!has(&d, DiscrepancyKind::Figure, "15 lots"), "{d:?}");
    }

    #[test]
    fn a_post_on_board_given_two_ways() {
        // An emergency landing: the pilot in command is "the captain" in one
        // report and "the first officer" in another, both in apposition.
        let d = found(&[
            "Investigators said the captain, Mirela Oancea, had 14,000 flying hours.",
            "Police questioned the first officer, Mirela Oancea, after the landing.",
        ]);
        assert!(has(&d, DiscrepancyKind::Role, "captain"), "{d:?}");
        // The post written before the name as a title, against one in apposition.
        let d = found(&[
            "Captain Mirela Oancea radioed the tower at 14:05.",
            "Police questioned the first officer, Mirela Oancea, after the landing.",
        ]);
        assert!(has(&d, DiscrepancyKind::Role, "first officer"), "{d:?}");
        // A military rank before the name and a command in apposition are both held.
        let d = found(&[
            "Colonel Ilse Varga said the search would go on overnight.",
            "\"We have not given up,\" said the base commander, Ilse Varga.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Role), "{d:?}");
        // A rank before the name is a rank, held with an office.
        let d = found(&[
            "Coastguard commander Ilse Varga said the search would go on overnight.",
            "\"We have not given up,\" said Ilse Varga, head of the coastguard's northern district.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Role), "{d:?}");
    }

    #[test]
    fn a_relative_clause_dates_the_noun_before_it() {
        // A measles campaign: "the campaign, which began on ..." in both reports,
        // two days apart.
        let d = found(&[
            "Clinics said the campaign, which began on May 4, had reached half the children.",
            "The campaign, which started on May 6, has reached 48 per cent of children, officials said.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "May 4") && has(&d, DiscrepancyKind::Figure, "May 6"), "{d:?}");
    }

    #[test]
    fn counts_of_different_parties_are_not_one_quantity() {
        // A council election: each party's seats are their own quantity, and a
        // number "down from" is last time's.
        let d = found(&[
            "The Harbour Party (HP) won 21.5% and 9 seats, down from 12 in 2021, the Farmers' League \
             14.2% and 6 seats, and the Greens 8.3% and three seats, officials said.",
            "Officials said the Harbour Party took 21.5 percent and 9 seats. The Farmers' League, led by \
             the vet Ruth Okafor, won 14.2% and 7 seats, and the Greens 8.3 percent and three seats.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "6 seats"), "{d:?}");
        let figures: Vec<&String> = d.iter().filter(|(k, _)| *k == DiscrepancyKind::Figure).map(|(_, s)| s).collect();
        assert_eq!(figures.len(), 1, "{figures:?}");
    }

    #[test]
    fn bare_numbers_of_injured_are_compared() {
        let d = found(&[
            "A gas explosion tore through a market in the old town on Monday, injuring 52, police said.",
            "Police said 48 injured were taken to hospital after the gas explosion at the old town market.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "injuring 52"), "{d:?}");
    }

    #[test]
    fn one_party_pledging_a_close_sum_in_other_words_is_one_pledge() {
        let d = found(&[
            "The Perth-based miner, which is owned by Japan's Kitaoka Holdings, said it would cover the clean-up. \
             Kitaoka said in Osaka it would contribute 300 million yen (about US$2 million) to the families.",
            "Its Japanese parent, Kitaoka Holdings, pledged ¥350m on the day of the collapse; a director \
             visited the town on Friday and said the money would go to rebuilding homes.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "300 million yen"), "{d:?}");
    }

    #[test]
    fn one_person_given_two_offices_with_portfolios() {
        let d = found(&[
            "Dr. Miriam Achieng, the ministry's director-general for health, said stocks were low.",
            "Dr. Miriam Achieng, the principal secretary for medical services, said stocks were low.",
        ]);
        assert!(has(&d, DiscrepancyKind::Role, "Miriam Achieng"), "{d:?}");
        // An office written before the name, against a hyphenated deputy's one or
        // the head of a department.
        let d = found(&[
            "Labour Minister Ana Quispe Rojas said talks would go on.",
            "The vice-minister for labour, Ana Quispe Rojas, said talks would go on.",
        ]);
        assert!(has(&d, DiscrepancyKind::Role, "Ana Quispe Rojas"), "{d:?}");
        let d = found(&[
            "The Fund's Chief Investment Officer, Dr Tomas Vik, said the fund would recover.",
            "The deal was championed by the fund's head of real estate, Tomas Vik, who declined to comment.",
        ]);
        assert!(has(&d, DiscrepancyKind::Role, "Tomas Vik"), "{d:?}");
    }

    #[test]
    fn a_figure_a_later_report_says_it_revised_is_no_conflict() {
        let d = found(&[
            "The heatwave caused an estimated 910 excess deaths, the institute said, 16 per cent above normal.",
            "The institute now estimates the heatwave caused 1,180 excess deaths, up from the preliminary \
             estimate of 910 excess deaths. Deaths were 21 per cent above normal, compared with the 16 per cent \
             reported in July.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{d:?}");
        // Without the revision said, the two reports differ.
        let d = found(&[
            "The heatwave caused an estimated 910 excess deaths, the institute said.",
            "The institute said the heatwave caused 940 excess deaths.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "910 excess deaths"), "{d:?}");
    }

    #[test]
    fn sums_and_large_counts_worded_apart_still_differ() {
        // A grain ship aground off Mauritius: the insured sum and the crew
        // taken off are told in other words by the second report.
        let d = found(&[
            "The bulk carrier Ocean Pearl, which ran aground off Mahebourg on Tuesday, was insured for \
             US$250 million, according to its Greek owner. Coast guard helicopters lifted 23 crew members to \
             safety before dawn from the listing deck.",
            "The Greek owner of the stranded bulk carrier faces a claim on a hull it insured for $205 million, \
             a Lloyd's broker said. Navy teams reached 21 crew members by boat overnight, the port authority \
             said.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "US$250 million"), "{d:?}");
        assert!(has(&d, DiscrepancyKind::Figure, "23 crew members"), "{d:?}");
    }

    #[test]
    fn close_values_of_two_places_are_two_figures() {
        // Rents in Lisbon and Porto: the second report's Lisbon rent differs
        // from the first's Lisbon rent, not from its Porto rent, which is closer.
        let d = found(&[
            "Asking rents in Lisbon averaged €18.20 per square metre in March, according to the portal \
             Casaria, while in Porto they rose 11% to €16.90 per square metre.",
            "According to the national housing index, the average rent in Lisbon stands at €17.30 per square \
             metre, while rents in Porto rose by 9 per cent over the year.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "€18.20"), "{d:?}");
        assert!(!has(&d, DiscrepancyKind::Figure, "€16.90"), "{d:?}");
    }

    #[test]
    fn a_length_a_report_gives_twice_differently() {
        // An Egyptian irrigation canal: one report gives the canal two lengths.
        let d = found(&[
            "The 380-kilometre canal will carry water from the Nile to farms in the western desert, the \
             ministry said on Sunday.\n\nWork on the 390 km canal will start in March.",
            "The ministry said the canal, 380 km long, would carry water to farms in the western desert.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "390 km"), "{d:?}");
        // A volcano on Flores: the ash column, the evacuation radius and the
        // closed sea are three lengths of three things.
        let d = found(&[
            "The volcano erupted on Saturday, blasting a column of ash 11 km into the sky, officials \
             said.\n\nAuthorities ordered the evacuation of 23 villages within a 10-kilometre radius of the \
             crater.\n\nThe coast guard barred boats from sailing within 15 km of the northern coast.",
            "The volcano erupted on Saturday and sent ash 11 km into the sky. Villages within 10 km of the \
             crater were emptied.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{d:?}");
    }

    #[test]
    fn guests_and_travellers_are_passengers() {
        // A Danube river cruise: the operator counts guests, the wire passengers.
        let d = found(&[
            "Hungarian officials said at least 140 passengers fell ill aboard the river cruiser on Monday.",
            "The operator confirmed that 128 guests fell ill aboard the river cruiser on Monday.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "128 guests"), "{d:?}");
    }

    #[test]
    fn close_shares_in_different_words_are_two_figures() {
        // A garment strike in Lesotho: the pay offer and the inflation rate are
        // close percentages that two reports give in unlike sentences.
        let d = found(&[
            "Factory owners offered striking garment workers a pay rise of 7.1 percent this year to end the \
             walkout that has shut factories, union officials said.",
            "Annual consumer price inflation in the mountain kingdom reached 7.2 percent this year, driven by \
             food, fuel and housing costs.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{d:?}");
    }

    #[test]
    fn a_total_that_has_grown_since_is_no_conflict() {
        // A Chilean copper royalty dispute: the miner paid more after the first report.
        let d = found(&[
            "Cobre Andino repaid $3.2 million in royalties and interest in May, which the tribunal took into \
             account.",
            "Cobre Andino has now repaid a total of $3.9 million in royalties, after a further transfer on 2 \
             September covering the remaining interest.",
        ]);
        assert!(!d.iter().any(|(k, s)| *k == DiscrepancyKind::Figure && s.contains("$3.9 million")), "{d:?}");
    }

    #[test]
    fn conversions_of_two_different_amounts_are_no_second_conflict() {
        // A Seoul stadium contract: the won amounts differ, and so, because of
        // them, do their conversions in brackets; the amounts are the discrepancy.
        let d = found(&[
            "The city will pay ₩180 billion (about US$130 million) for the new stadium roof, officials said.",
            "Officials said the city would pay ₩210 billion ($152 million) for the new stadium roof.",
        ]);
        let figures: Vec<&String> = d.iter().filter(|(k, _)| *k == DiscrepancyKind::Figure).map(|(_, s)| s).collect();
        assert!(figures.iter().any(|s| s.contains("₩180 billion")), "{figures:?}");
        assert!(!figures.iter().any(|s| s.contains("US$130 million")), "{figures:?}");
    }

    #[test]
    fn the_days_of_a_search_count_on() {
        // A cave rescue reported on two days: "the third day" is "the fourth day"
        // a day later. The 27th and 28th summit are two accounts, though, and
        // so are the 87th and 89th minute of a goal.
        let d = found(&[
            "Divers entered the flooded cave on the third day of the search for the 12 trapped students.",
            "On the fourth day of the search for the 12 trapped students, divers entered the flooded cave.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{d:?}");
        let d = found(&[
            "Leaders gathered in Lima for the 27th summit of the trade bloc on Monday.",
            "Leaders gathered in Lima for the 28th summit of the trade bloc on Monday.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "27th summit"), "{d:?}");
        let d = found(&[
            "Nadia Okafor scored the winner in the 87th minute of the final in Accra.",
            "The winner came in the 89th minute of the final in Accra, scored by Nadia Okafor.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "87th minute"), "{d:?}");
    }

    #[test]
    fn a_change_stated_with_bare_numbers_explains_two_values() {
        // A mine collapse: the first report has 19 miners killed; a later one
        // says the toll "has risen to 23 from 19" and another has 23 miners.
        let texts = [
            "At least 19 miners were killed when a tunnel collapsed at the Qala copper mine, officials said.",
            "The number of people killed at the Qala copper mine has risen to 23 from 19, officials said.",
            "Rescuers recovered the bodies of 23 miners killed when a tunnel collapsed at the Qala copper mine.",
        ];
        let d = found(&texts);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{d:?}");
        // Without the later report, the two reports differ.
        let d = found(&[texts[0], texts[2]]);
        assert!(has(&d, DiscrepancyKind::Figure, "23 miners"), "{d:?}");
    }

    #[test]
    fn the_only_count_of_a_thing_in_each_report_is_compared() {
        let d = found(&[
            "The train, carrying about 240 passengers, was travelling to the capital when it left the tracks.",
            "The train had 260 passengers on board, according to emergency services.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "240 passengers"), "{d:?}");
    }

    #[test]
    fn a_month_against_a_day_of_another_month() {
        // A bridge inspection: one report gives the month the inspector signed
        // the permit, the other a day two months later.
        let d = found(&[
            "Engineer Tomas Berg signed the safety permit for the bridge in March 2025, council records show.",
            "Council records show engineer Tomas Berg signed the safety permit for the bridge on 14 May 2025.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "March 2025"), "{d:?}");
        // A day in that month agrees; a day without its year is no conflict.
        let d = found(&[
            "Engineer Tomas Berg signed the safety permit for the bridge in March 2025, council records show.",
            "Council records show engineer Tomas Berg signed the safety permit for the bridge on 14 March 2025.",
        ]);
        assert!(!has(&d, DiscrepancyKind::Figure, "March 2025"), "{d:?}");
        let d = found(&[
            "Engineer Tomas Berg signed the safety permit for the bridge in March 2025, council records show.",
            "Council records show engineer Tomas Berg signed the safety permit for the bridge on 14 May.",
        ]);
        assert!(!has(&d, DiscrepancyKind::Figure, "March 2025"), "{d:?}");
    }

    #[test]
    fn a_day_without_its_year_is_the_date_with_it() {
        let d = found(&[
            "The derailment on 9 September 2026 killed nine people, officials said.",
            "Investigators said the crash on 9 September was caused by a faulty signal.",
        ]);
        assert!(!has(&d, DiscrepancyKind::SingleSource, "the date"), "{d:?}");
        let d = found(&["The hearing is set for 9 September 2026.", "The hearing is set for 10 September."]);
        assert!(has(&d, DiscrepancyKind::SingleSource, "10 September"), "{d:?}");
    }

    #[test]
    fn one_office_two_people() {
        let d = found(&[
            "Finance Minister Ana Ruiz said the budget would be balanced by next year.",
            "Finance Minister Jorge Pena told parliament the budget would be balanced by next year.",
        ]);
        assert!(has(&d, DiscrepancyKind::Role, "Ana Ruiz"), "{d:?}");
        assert!(has(&d, DiscrepancyKind::Role, "Jorge Pena"), "{d:?}");
    }

    #[test]
    fn titles_that_are_offices() {
        // An occupation beside an office is no conflict; a deputy's office is another office;
        // "outgoing" names the holder now.
        let d = found(&[
            "Greens leader Tomas Weber said the deal was fair. Director General Ama Owusu said the \
             launch would go ahead. Outgoing Governor Lise Berg said she was proud.",
            "The environmental engineer Tomas Weber said the deal was fair. Deputy director general \
             Ama Owusu said the launch would go ahead. Governor Karl Nyberg said he was proud.",
        ]);
        assert!(!has(&d, DiscrepancyKind::Role, "Weber"), "{d:?}");
        assert!(has(&d, DiscrepancyKind::Role, "Ama Owusu"), "{d:?}");
        assert!(has(&d, DiscrepancyKind::Role, "Governor"), "{d:?}");
    }

    #[test]
    fn a_deputys_rank_and_a_curators_office_against_the_full_one() {
        // A warehouse fire and a gallery's loan: one report makes the commander
        // a deputy, another makes the director the chief curator.
        let d = found(&[
            "The blaze was contained by dawn, said Petra Novak, commander of the Brno fire brigade. \
             The gallery's director, Tomas Hruby, said the loan was safe.",
            "Deputy fire commander Petra Novak said the roof had collapsed. The gallery's chief curator, \
             Tomas Hruby, said the loan was safe.",
        ]);
        assert!(has(&d, DiscrepancyKind::Role, "Petra Novak"), "{d:?}");
        assert!(has(&d, DiscrepancyKind::Role, "Tomas Hruby"), "{d:?}");
    }

    #[test]
    fn one_company_two_chief_executives() {
        let d = found(&[
            "Nordlite ASA recalled 310,000 batteries. Nordlite said the cost was high. \
             \"We act out of caution,\" said Chief Executive Officer Marit Solheim.",
            "Nordlite is recalling 300,000 batteries, Nordlite said. Chief executive Marit Solberg said safety came first.",
        ]);
        assert!(has(&d, DiscrepancyKind::Role, "Marit Solheim"), "{d:?}");
        assert!(has(&d, DiscrepancyKind::Role, "Marit Solberg"), "{d:?}");
    }

    #[test]
    fn a_blanked_name_with_the_name_from_elsewhere() {
        let d = found(&[
            "The Health Secretary, , said hospitals would get more staff this winter.",
            "Health Secretary Tom Reed said hospitals would get more staff this winter.",
        ]);
        assert!(has(&d, DiscrepancyKind::MissingName, "Tom Reed"), "{d:?}");
        // The evidence shows the name itself, and a lower-case office keeps the
        // words that make it ("the energy minister", not any minister).
        let texts = [
            "The energy minister, , told parliament the grid held through the storm.",
            "Energy Minister Ruth Okafor told parliament the grid held through the storm.",
            "Health Minister Dan Berg visited the flooded hospital.",
        ];
        let names: Vec<String> = (0..texts.len()).map(|i| format!("{i:03}_doc.txt")).collect();
        let a = Analysis::run(Corpus::from_texts(names.iter().map(String::as_str).zip(texts.iter().copied())));
        let blank = a.discrepancies.iter().find(|d| d.kind == DiscrepancyKind::MissingName).expect("a blank");
        assert!(blank.summary.contains("Ruth Okafor") && !blank.summary.contains("Dan Berg"), "{}", blank.summary);
        let shown: Vec<&str> = blank.spans.iter().map(|s| &a.corpus.docs[s.doc()].text[s.range()]).collect();
        assert!(shown.contains(&"Ruth Okafor"), "{shown:?}");
    }

    #[test]
    fn a_blanked_office_with_its_qualifying_words() {
        // A telecom sale in Chile: the country manager blanked in one report and
        // named with "for Chile" in another; an electoral body's presiding
        // councillor blanked, named as "councillor of the SERVEL" elsewhere, and
        // called its secretary in a third report.
        let d = found(&[
            "The company's Chile country manager, , said the sale would close in May. The council's presiding \
             councillor, , said the count was fair.",
            "Ines Aravena Soto, the company's country manager for Chile, said the sale would close in May.",
            "The presiding councillor of the SERVEL, Tomas Urrutia Vial, said the count was fair.",
            "Tomas Urrutia Vial, the council's executive secretary, said the count was fair.",
        ]);
        assert!(has(&d, DiscrepancyKind::MissingName, "Ines Aravena Soto"), "{d:?}");
        assert!(has(&d, DiscrepancyKind::MissingName, "elsewhere: Tomas Urrutia Vial"), "{d:?}");
        assert!(has(&d, DiscrepancyKind::Role, "presiding councillor"), "{d:?}");
        // One more qualifying word on one side still names the same office.
        let d = found(&[
            "The bank's senior risk officer, , declined to comment on the fine.",
            "Marta Quiroz, the bank's risk officer, declined to comment on the fine.",
        ]);
        assert!(has(&d, DiscrepancyKind::MissingName, "Marta Quiroz"), "{d:?}");
    }

    #[test]
    fn a_family_name_written_first_romanised_two_ways() {
        let d = found(&[
            "Union leader Yoon Min-jun said the strike at the shipyard would go on.",
            "The strike at the shipyard will go on, union leader Yun Min-jun said.",
        ]);
        assert!(
            d.iter().any(|(k, s)| *k == DiscrepancyKind::Spelling && s.contains("Yoon") && s.contains("Yun")),
            "{d:?}"
        );
    }

    #[test]
    fn one_event_dated_a_day_apart() {
        // A bank outage: the sentences tell the same thing with no word of the
        // event next to either date.
        let d = found(&[
            "The outage at Kestrel Bank started on 8 June, when a database upgrade failed.",
            "Kestrel Bank customers could not pay for anything from 9 June until the outage ended.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "8 June") && has(&d, DiscrepancyKind::Figure, "9 June"), "{d:?}");
        // Two days of two things that share one word are no conflict.
        let d = found(&[
            "Police arrested two men near the harbour on 11 August.",
            "Flights resumed on 12 August, officials at the harbour authority said.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{d:?}");
    }

    #[test]
    fn a_change_stated_with_both_values_is_no_conflict() {
        // A flood fund raised in the later report, which gives both values.
        let d = found(&[
            "The city council set up a €20 million flood relief fund for riverside households on Monday.",
            "The city council will increase its flood relief fund for riverside households to €30 million from \
             €20 million, the mayor said.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{d:?}");
    }

    #[test]
    fn a_count_with_its_digits_swapped() {
        // Ivory seized at a port: one report swaps the digits of the tusk count.
        let d = found(&[
            "Officers searched four properties and seized 46 elephant tusks with an estimated value of $2 million.",
            "In the raids, officers seized 64 elephant tusks and two rifles, police said.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "64 elephant tusks"), "{d:?}");
    }

    #[test]
    fn one_person_given_two_ranks() {
        // A smuggling raid: the task-team head is a brigadier in one report and a
        // colonel in the other; "General" is a short form of "Major General".
        let d = found(&[
            "Brigadier Lerato Khumalo said the raid was planned for months. Major General Ben Oosthuizen \
             praised the team.",
            "Colonel Lerato Khumalo, who led the raid, said it was planned for months. General Ben Oosthuizen \
             praised the team.",
        ]);
        let roles: Vec<&String> = d.iter().filter(|(k, _)| *k == DiscrepancyKind::Role).map(|(_, s)| s).collect();
        assert!(roles.iter().any(|s| s.contains("Brigadier") && s.contains("Colonel")), "{d:?}");
        assert!(!roles.iter().any(|s| s.contains("Oosthuizen")), "{d:?}");
    }

    #[test]
    fn an_office_with_its_organisation_after_the_name() {
        // The regulator's governor, named before or after the regulator.
        let d = found(&[
            "Banking Supervision Authority Governor Ama Boateng said the bank had failed its customers.",
            "Governor Kofi Asamoah of the Banking Supervision Authority said the bank had failed its customers.",
        ]);
        assert!(has(&d, DiscrepancyKind::Role, "Kofi Asamoah"), "{d:?}");
    }

    #[test]
    fn a_misspelt_first_family_name() {
        let d = found(&[
            "Judge Carmen Rojas Espinoza heard the case on Monday and adjourned it.",
            "The case was adjourned on Monday. Judge Rojaz will rule on Friday.",
        ]);
        assert!(has(&d, DiscrepancyKind::Spelling, "Rojaz"), "{d:?}");
    }

    #[test]
    fn a_dropped_accent_in_the_first_family_name_shows_the_full_name() {
        let texts = [
            "Senator Marta Echázarreta Lagos won the seat on Sunday night.",
            "Marta Echazarreta said she would serve the whole region.",
        ];
        let a = Analysis::run(Corpus::from_texts(["a.txt", "b.txt"].into_iter().zip(texts)));
        let d = a.discrepancies.iter().find(|d| d.kind == DiscrepancyKind::Spelling).expect("a spelling variant");
        let shown: Vec<&str> = d.spans.iter().map(|&s| a.span_text(s)).collect();
        assert!(shown.contains(&"Marta Echázarreta Lagos") && shown.contains(&"Marta Echazarreta"), "{shown:?}");
    }

    #[test]
    fn a_misspelt_surname() {
        let d = found(&[
            "Mayor Janusz Kowalczyk said the bridge would reopen in May.",
            "The bridge will reopen in May, Mayor Janusz Kowalcyzk told reporters.",
        ]);
        assert!(has(&d, DiscrepancyKind::Spelling, "Kowalcyzk"), "{d:?}");
    }

    #[test]
    fn a_surname_particle_written_differently() {
        let d = found(&[
            "Dr Maartje van der Berg, a climate scientist at the observatory, said nights had not cooled.",
            "Dr Maartje van de Berg said nights had not cooled, and Dr van der Berg added more.",
        ]);
        assert!(has(&d, DiscrepancyKind::Spelling, "van de Berg"), "{d:?}");
    }

    #[test]
    fn a_reworded_quotation() {
        let d = found(&[
            "“We will rebuild every home that was lost in the flood,” said Mayor Janusz Kowalczyk on Monday.",
            "“We will rebuild every house that was lost in the floods,” said Mayor Janusz Kowalczyk on Monday.",
        ]);
        assert!(has(&d, DiscrepancyKind::Quote, "Janusz Kowalczyk"), "{d:?}");
        // Quoting a fragment word for word is no rewording.
        let d = found(&[
            "“The water is unsafe to drink. This is the worst flood this town has seen in 50 years,” said Mayor Janusz Kowalczyk.",
            "Mayor Janusz Kowalczyk called it “the worst flood this town has seen in 50 years” on Monday.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Quote), "{d:?}");
        // Nor is a quotation cut where a clause ends; but the same cut given to another person is.
        let full = "“We will not pay criminals, and we will not rest until every customer is told,” said Ama Boateng, the chief executive.";
        let d = found(&[full, "“We will not pay criminals,” said Ama Boateng, the chief executive."]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Quote), "{d:?}");
        let d = found(&[full, "“We will not pay criminals,” said Kofi Mensah, the finance director."]);
        assert!(has(&d, DiscrepancyKind::Quote, "Kofi Mensah"), "{d:?}");
    }

    #[test]
    fn a_quotation_given_to_two_people_names_both() {
        let d = found(&[
            "“We will not let one dispute paralyse the economy,” Transport Minister Paolo Greco said.",
            "“We will not allow one dispute to paralyse our economy,” Transport Minister Marco Ferri said.",
        ]);
        assert!(has(&d, DiscrepancyKind::Quote, "attributed to Paolo Greco and Marco Ferri"), "{d:?}");
        // Word for word, given to a minister in one report and to a union leader
        // in another: said so, with where each is named as the evidence.
        let texts = [
            "“Nobody should pay for this strike twice,” said Labour Minister Ines Carvalho on Monday.",
            "The unions agree. “Nobody should pay for this strike twice,” union leader Rui Baptista said.",
        ];
        let names: Vec<String> = (0..2).map(|i| format!("{i:03}_doc.txt")).collect();
        let a = Analysis::run(Corpus::from_texts(names.iter().map(String::as_str).zip(texts)));
        let q = a.discrepancies.iter().find(|d| d.kind == DiscrepancyKind::Quote).expect("a quote discrepancy");
        assert!(q.summary.starts_with("The same words are attributed to Ines Carvalho"), "{}", q.summary);
        let shown: Vec<&str> = q.spans.iter().map(|&s| a.span_text(s)).collect();
        assert!(shown.contains(&"Ines Carvalho") && shown.contains(&"Rui Baptista"), "{shown:?}");
    }

    #[test]
    fn a_spun_copy() {
        let original = "Rescue teams searched the flooded valley for a third day on Tuesday. \
            The regional governor said more boats would arrive from the capital by the evening. \
            Residents who fled the rising water were housed in schools and sports halls overnight. \
            Engineers warned that the old dam above the town could fail if the rain continued. \
            The army sent helicopters to lift families stranded on rooftops in the lower districts.";
        let spun = "Rescue groups searched the flooded valley for a 3rd day on Tuesday. \
            The regional governor mentioned more boats would arrive from the capital by the night. \
            Residents who fled the rising water were housed in schools and sports halls overnight. \
            Engineers cautioned that the old dam above the town could fail if the rain continued. \
            The military sent helicopters to lift families stranded on rooftops in the lower districts.";
        let d = found(&[original, spun]);
        assert!(has(&d, DiscrepancyKind::Reuse, "spun"), "{d:?}");
        // A spinner's synonym for a title is no second title of the person.
        let titled = |t: &str| {
            format!(
                "{original} Regional governor Ilse Vandermeer said the army would stay. \
                Vandermeer said the dam was being watched closely by the {t}s on site."
            )
        };
        let d = found(&[&titled("engineer"), &spun.replace("The regional governor", "Regional chief Ilse Vandermeer")]);
        assert!(has(&d, DiscrepancyKind::Reuse, "spun"), "{d:?}");
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Role), "{d:?}");
        // Nor is a spinner's rewording of a quotation that another report gives word for word.
        let q = " “We will not stop until every family is safe,” said the regional governor.";
        let spun_q = " “We will not halt until every household is safe,” mentioned the regional governor.";
        let third = "Boats reached the valley on Tuesday. “We will not stop until every family is safe,” said the regional governor.";
        let d = found(&[&format!("{original}{q}"), &format!("{spun}{spun_q}"), third]);
        assert!(has(&d, DiscrepancyKind::Reuse, "spun"), "{d:?}");
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Quote), "{d:?}");
        // But one phrase of it rewritten, and nothing else, is a new wording.
        let reworded = " “We will not stop until every family has a roof over its head,” said the regional governor.";
        let d = found(&[&format!("{original}{q}"), &format!("{spun}{reworded}"), third]);
        assert!(has(&d, DiscrepancyKind::Reuse, "spun"), "{d:?}");
        assert!(d.iter().any(|(k, _)| *k == DiscrepancyKind::Quote), "{d:?}");
    }

    #[test]
    fn a_pledge_only_one_document_states() {
        let d = found(&[
            "The government announced a £300 million package of flood defences for the coast on Monday.",
            "Ministers visited the coast on Monday to inspect the damage.",
        ]);
        assert!(has(&d, DiscrepancyKind::SingleSource, "£300 million"), "{d:?}");
    }

    #[test]
    fn an_earlier_value_is_no_single_source_claim() {
        let d = found(&[
            "The Harbour Party won 31 seats, down from 29 in 2022, and will lead the council.",
            "The Harbour Party took 31 seats and will lead the council, officials said.",
        ]);
        assert!(!has(&d, DiscrepancyKind::SingleSource, "29"), "{d:?}");
        // The same clause without "down from" is a claim of its own.
        let d = found(&[
            "The Harbour Party won 31 seats and the Green List won 29 seats in the vote.",
            "The Harbour Party took 31 seats and will lead the council, officials said.",
        ]);
        assert!(has(&d, DiscrepancyKind::SingleSource, "29 seats"), "{d:?}");
        // A change stated as one: "from X to Y". The earlier value is not
        // the pledge of the first report.
        let texts = [
            "The operator set up a C$10 million fund for the families of the victims.",
            "On Thursday the operator raised the fund for the families of the victims from C$10 million to C$15m.",
        ];
        let a = Analysis::run(Corpus::from_texts(["000_a.txt", "001_b.txt"].into_iter().zip(texts)));
        assert!(a.pledges.iter().all(|p| p.docs.len() == 1), "{:?}", a.pledges);
    }

    #[test]
    fn a_figure_restated_under_its_headline_is_one_single_source_claim() {
        let d = found(&[
            "Storm floods killed at least 38 people, officials say\n\nFloods after the storm killed at least \
             38 people in the river valley, officials said on Friday.",
            "Floods after the storm hit the river valley, officials said on Friday.",
        ]);
        let claims: Vec<&String> = d
            .iter()
            .filter(|(k, s)| *k == DiscrepancyKind::SingleSource && s.contains("38 people"))
            .map(|(_, s)| s)
            .collect();
        assert_eq!(claims.len(), 1, "{d:?}");
    }

    #[test]
    fn a_dateline_or_publication_date_is_no_single_source_claim() {
        let d = found(&[
            "TARVIK, 14 May (Agency) - A landslide buried 12 houses in the hill town, officials said.",
            "Published 15 May 2026\n\nA landslide buried 12 houses in the hill town of Tarvik, officials said.",
        ]);
        assert!(!has(&d, DiscrepancyKind::SingleSource, "14 May"), "{d:?}");
        assert!(!has(&d, DiscrepancyKind::SingleSource, "15 May"), "{d:?}");
        // A date in the body is a claim.
        let d = found(&[
            "TARVIK (Agency) - A landslide buried 12 houses in the hill town on 14 May, officials said.",
            "A landslide buried 12 houses in the hill town of Tarvik, officials said.",
        ]);
        assert!(has(&d, DiscrepancyKind::SingleSource, "14 May"), "{d:?}");
    }

    #[test]
    fn one_event_dated_differently() {
        let d = found(&[
            "The mine was closed on 3 June after a roof collapse trapped 11 workers, the operator said.",
            "Inspectors said the mine, closed on 6 June after the roof collapse, had passed a safety audit.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "3 June (000) vs 6 June (001)"), "{d:?}");
        // A month of a year and the event noun, not the verb.
        let d = found(&[
            "The regulator last audited the bank in October 2024, the filing shows.",
            "The bank's last audit by the regulator was in January 2025.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "October 2024 (000) vs January 2025 (001)"), "{d:?}");
        // A weekday before the date; the event word further back.
        let d = found(&[
            "The sale of the striker to Dinamo Vostok was completed on 30 January 2026, the club said.",
            "The sale was officially completed on Thursday, January 29, after the medical in Zagreb.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "30 January 2026 (000) vs January 29 (001)"), "{d:?}");
        let d = found(&[
            "He was arrested at a rented flat in the old harbour district of Kelso on Feb 6, 2025, police said.",
            "He was arrested in Kelso on 9 February 2025 under a provisional warrant.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "Feb 6, 2025 (000) vs 9 February 2025 (001)"), "{d:?}");
        // A grain ship's voyage: the departure is not the arrival's event, though
        // the arrival comes after it in one sentence.
        let d = found(&[
            "The Marta Lux sailed from Odesa on 4 May, and docked in Alexandria on 12 May, the port said.",
            "The bulk carrier departed on 6 May 2025 and docked in Alexandria on 12 May 2025.",
            "Loaded with wheat, the ship departed Odesa on 4 May.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "6 May 2025 (001)"), "{d:?}");
    }

    #[test]
    fn different_events_are_no_date_conflict() {
        // Two things due to begin on different days are two events.
        let d = found(&[
            "Staff will begin an indefinite strike on Monday, 11 May 2026, the union said.",
            "Examinations, which had been due to begin on 1 June, were postponed by the university.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{d:?}");
        let d = found(&[
            "The safety board held a hearing on the mine's closure on 3 June, the operator said.",
            "The safety board will hold its next hearing on the mine's closure on 24 June.",
        ]);
        assert!(!d.iter().any(|(k, s)| *k == DiscrepancyKind::Figure && s.contains("June")), "{d:?}");
        // The same day, with and without its year; and a date far from the other.
        let d = found(&[
            "The dam was completed on 14 March 2019 at a cost of $40 million.",
            "Engineers completed the dam on 14 March, the ministry said.",
            "The first dam on the river was completed on 2 May 1961.",
        ]);
        assert!(!d.iter().any(|(k, s)| *k == DiscrepancyKind::Figure && s.contains("March")), "{d:?}");
    }

    #[test]
    fn a_quotation_whose_speaker_was_left_out_is_nobody_s() {
        let texts = [
            "\"We are deeply sorry,\" said chief executive Ann Lee.\n\n\"Our crews are working around the clock to make the site safe,\" said Tom Reyes, Vice-President of Operations.",
            "\"We are deeply sorry,\" said chief executive Ann Lee.\n\n\"Our crews are working around the clock to make the site safe,\" said , Vice-President of Operations.",
        ];
        let a = Analysis::run(Corpus::from_texts(["000_a.txt", "001_b.txt"].into_iter().zip(texts)));
        let speakers: Vec<Option<&str>> =
            a.quotes.iter().map(|q| q.speaker.map(|e| a.entities[e].name.as_str())).collect();
        assert_eq!(speakers, [Some("Ann Lee"), Some("Tom Reyes"), Some("Ann Lee"), None]);
        assert!(a.discrepancies.iter().any(|d| d.kind == DiscrepancyKind::MissingName), "{:?}", a.discrepancies);
        assert!(!a.discrepancies.iter().any(|d| d.kind == DiscrepancyKind::Quote), "{:?}", a.discrepancies);
    }

    #[test]
    fn an_office_with_a_portfolio_or_an_owner_is_compared() {
        let d = found(&[
            "Kallweit Logistics closed two depots. \"We are on site,\" said Signe Hald, Vice-President of Operations. Kallweit Logistics will reopen them.",
            "Kallweit Logistics closed two depots. The firm's vice-president of operations, Lise Thib, said nothing was hidden. Kallweit Logistics apologised.",
        ]);
        assert!(has(&d, DiscrepancyKind::Role, "Lise Thib"), "{d:?}");
        let d = found(&[
            "The Harbour University closed. Vice-Chancellor Ann Mahl said the Harbour University would pay.",
            "The Harbour University closed. Tom Gqo, the university's vice-chancellor, said the Harbour University would pay.",
        ]);
        assert!(has(&d, DiscrepancyKind::Role, "Tom Gqo"), "{d:?}");
        // Both offices of one person, and chair for chairperson: no conflict.
        let d = found(&[
            "Kallweit Logistics closed two depots, said Marc Ell, President and Chief Executive Officer of Kallweit Logistics. Branch chairperson Ida Lund agreed.",
            "Kallweit Logistics closed two depots, chief executive Marc Ell said. Branch chair Ida Lund agreed, and Kallweit Logistics apologised.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Role), "{d:?}");
    }

    #[test]
    fn the_company_named_before_an_office_is_its_organisation() {
        // A shipping line whose chief executive two reports name differently;
        // each report names the insurer as often as the line.
        let d = found(&[
            "Tarsis Lines and Velmont Re met on Monday. Tarsis chief executive Jonas Lind said in Oslo that \
             the company regretted the delay, and Velmont Re agreed.",
            "Velmont Re and Tarsis Lines met on Monday. Tarsis's chief executive, Mira Holt, told reporters \
             that the company would contest the claim, and Velmont Re agreed.",
        ]);
        assert!(has(&d, DiscrepancyKind::Role, "Jonas Lind"), "{d:?}");
        // The company more reports name is the one a report is about, when it
        // names another as often (the line's director of operations, not its
        // parent's, named in passing).
        let d = found(&[
            "Norlake Ferry Company cancelled sailings. \"We are sorry,\" said Ada Voss, Director of Operations. \
             Norlake Ferry Company will refund fares.",
            "Norlake Ferry Company cancelled sailings on Friday, and Norlake Ferry Company blamed the storm.",
            "Norlake Ferry Company and its parent, Castellan Holdings, apologised. The director of operations, \
             Ben Roth, said Castellan Holdings and Norlake Ferry Company would pay.",
        ]);
        assert!(has(&d, DiscrepancyKind::Role, "Ben Roth"), "{d:?}");
    }

    #[test]
    fn a_quotation_reprinted_inside_a_quoted_statement_agrees() {
        // A mountain rescue: a local site reprints the police statement in
        // quotation marks, with the spokeswoman's words quoted inside it.
        let d = found(&[
            "\"We will search through the night. As long as there is hope, we will keep looking,\" said Inspector \
             Ilse Brandvold of the mountain rescue service.",
            "\"At 03:00 the rescue centre was alerted to two missing climbers. The spokeswoman of the service, \
             Inspector Ilse Brandvold, stated: 'We will search through the night. As long as there is hope, we \
             will keep looking.'\"",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Quote), "{d:?}");
    }

    #[test]
    fn the_end_of_a_range_is_no_hedge_against_up_to() {
        // A storm surge on the Bay of Bengal, given as a maximum and as a range.
        let d = found(&[
            "A storm surge of up to 4 metres swept over the embankments, the weather office said.",
            "A storm surge of 3 to 4 metres swept over the embankments, the weather office said.",
        ]);
        assert!(!d.iter().any(|(k, _)| *k == DiscrepancyKind::Figure), "{d:?}");
        let d = found(&[
            "A storm surge of up to 4 metres swept over the embankments, the weather office said.",
            "A storm surge of 3 to 5 metres swept over the embankments, the weather office said.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "5 metres"), "{d:?}");
    }

    #[test]
    fn the_head_of_a_named_body_holds_its_organisation_s_office() {
        // An electoral service's president, named with its board in two
        // reports and with the service alone in a third.
        let d = found(&[
            "The president of Valdor's board, Ixchel Tzul Pop, said the count was fair.",
            "The President of the Board of Valdor, Ixchel Tzul Pop, said the count was fair.",
            "Valdor president Rafael Ortiz defended the count on Tuesday.",
        ]);
        assert!(has(&d, DiscrepancyKind::Role, "Ixchel Tzul Pop"), "{d:?}");
        assert!(has(&d, DiscrepancyKind::Role, "Rafael Ortiz"), "{d:?}");
    }

    #[test]
    fn two_amounts_of_one_owner_in_one_report_contradict_it() {
        // A donors' conference: one report gives the development bank's pledge
        // two ways, the release once.
        let d = found(&[
            "The Andean Development Fund pledged US$600 million in loans and grants for the rebuilding.",
            "The itemised list shows what is borrowed. The Andean Development Fund's $600 million package is \
             the largest pledge.\n\nOfficials said the Andean Development Fund's $500 million would be the first \
             money to reach villages.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "$500 million (001)"), "{d:?}");
    }

    #[test]
    fn a_deadline_whose_year_slipped_is_one_event_dated_differently() {
        // A bridge rebuilt after a flood: the release and a newspaper give the
        // same month a year apart.
        let d = found(&[
            "The new bridge will carry 40,000 vehicles a day once the contractor completes it by October 2031.",
            "The bridge, which should carry 40,000 vehicles a day, is to be completed by October 2030.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "October 2031"), "{d:?}");
    }

    #[test]
    fn a_blank_after_a_post_and_where_it_is_names_its_holder() {
        // A flood in Peru: the agency's representative is named in one report
        // and cut out of the other, after the country of the post.
        let d = found(&[
            "Lucía Paredes Quispe, the UNICEF representative in Peru, said 40,000 children needed help.",
            "The UNICEF representative in Peru, , said 40,000 children needed help.",
        ]);
        assert!(has(&d, DiscrepancyKind::MissingName, "elsewhere: Lucía Paredes Quispe"), "{d:?}");
        // An acronym before the office that the other report leaves out.
        let d = found(&[
            "The regulator fined the bank on Monday. Chairman Oh Dae-sung said the fine was fair.",
            "The regulator fined the bank on Monday. The KFTC chairman, , said the fine was fair.",
        ]);
        assert!(has(&d, DiscrepancyKind::MissingName, "elsewhere: Oh Dae-sung"), "{d:?}");
    }

    #[test]
    fn small_numbers_one_apart_are_compared() {
        let d = found(&[
            "Talks broke down after six weeks. Mid-year examinations, due to start on June 1, have been postponed by two weeks, a college spokeswoman said.",
            "Talks broke down after six weeks. Mid-year examinations, which had been due to begin on 1 June, have been postponed by three weeks, the college's registrar said in a notice to students on Monday.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "two weeks"), "{d:?}");
    }

    #[test]
    fn one_fund_with_amounts_far_apart() {
        // A mine company's relief fund in Zambia, three times larger in one report.
        let d = found(&[
            "The mining company said it would set up a $12 million relief fund for families of the miners.",
            "The company's chief executive said a relief fund of $40 million would start paying families next week.",
        ]);
        assert!(has(&d, DiscrepancyKind::Figure, "$40 million"), "{d:?}");
        // Two funds of different kinds are two commitments, however the amounts differ.
        let d = found(&[
            "The mining company said it would set up a $12 million relief fund for families of the miners.",
            "The government said a reconstruction loan of $40 million would rebuild the shaft next year.",
        ]);
        assert!(!has(&d, DiscrepancyKind::Figure, "$40 million"), "{d:?}");
    }

    #[test]
    fn a_heavily_spun_sentence_of_a_copy_is_aligned() {
        let original = "Rescue teams searched the flooded valley for a third day on Tuesday. \
            Residents who fled the rising water were housed in schools and sports halls overnight. \
            Engineers warned that the old dam above the town could fail if the rain continued. \
            The army sent helicopters to lift families stranded on rooftops in the lower districts. \
            The company raised its relief fund in a funding round led by a local bank.";
        let spun = "Rescue teams searched the flooded valley for a third day on Tuesday. \
            Residents who fled the rising water were housed in schools and sports halls overnight. \
            Engineers warned that the old dam above the town could fail if the rain continued. \
            The army sent helicopters to lift families stranded on rooftops in the lower districts. \
            The agency elevated its relief pot in a financing spherical led by a local bank.";
        let names: Vec<String> = (0..2).map(|i| format!("{i:03}_doc.txt")).collect();
        let a = Analysis::run(Corpus::from_texts(names.iter().map(String::as_str).zip([original, spun])));
        let reuse = a.discrepancies.iter().find(|d| d.kind == DiscrepancyKind::Reuse).expect("reuse");
        let texts: Vec<&str> = reuse.spans.iter().map(|s| a.span_text(*s)).collect();
        assert!(texts.iter().any(|t| t.contains("financing spherical")), "{texts:?}");
        assert!(
            reuse.details.iter().any(|d| d.contains("funding round -> financing spherical")),
            "{:?}",
            reuse.details
        );
    }

    #[test]
    fn a_spun_lede_after_a_dateline_is_aligned() {
        // A Tbilisi metro contract: the wire's dateline is gone from the spun
        // copy, and adjacent swaps run together.
        let original = "TBILISI, 3 May 2026 (Caucasus Wire) - Georgia's transport ministry signed a contract \
            worth $412 million on Monday for 40 metro trains, ending months of talks with two rival bidders, officials said.\n\n\
            The trains will enter service on the city's two lines from 2028, the ministry said. \
            The new stock replaces carriages built in the 1980s, which break down often. \
            The city council approved the purchase in a vote on Friday. \
            Passengers have complained about crowded platforms for years.";
        let spun = "Georgia's transportation department inked a contract worth $412 million on Monday for 40 metro \
            trains, concluding months of talks with two competing contenders, authorities stated.\n\n\
            The trains will enter service on the city's two lines from 2028, the department stated. \
            The new stock replaces carriages built in the 1980s, which break down frequently. \
            The city council approved the purchase in a vote on Friday. \
            Passengers have complained about crowded platforms for years.";
        let names: Vec<String> = (0..2).map(|i| format!("{i:03}_doc.txt")).collect();
        let a = Analysis::run(Corpus::from_texts(names.iter().map(String::as_str).zip([original, spun])));
        let reuse = a.discrepancies.iter().find(|d| d.kind == DiscrepancyKind::Reuse).expect("reuse");
        let texts: Vec<&str> = reuse.spans.iter().map(|s| a.span_text(*s)).collect();
        assert!(texts.iter().any(|t| t.starts_with("Georgia's transportation department inked")), "{texts:?}");
    }

    #[test]
    fn a_report_that_counts_one_thing_twice_differently_contradicts_itself() {
        // Refugee camps in Chad, and a cocoa exporter's tonnes with two digits swapped.
        let a = "ABECHE, May 2 (Sahel Wire) - Some 3,000 people who fled the fighting are living in 14 temporary \
            camps near Abeche, officials said.\n\n\
            Aid workers said food had run short. The region's 11 camps have no clean water, a nurse said.\n\n\
            The cooperative exported 86,000 tonnes of cocoa in 2025, its accounts show.\n\n\
            It expects to sell more this year than the 68,000 tonnes it shipped in 2025, the chairman said.";
        let b = "Fighting in Sudan has pushed thousands of people into Chad. \
            The cooperative exported 86,000 tonnes of cocoa in 2025, its filing said. \
            Prices rose sharply in March.";
        let names: Vec<String> = (0..2).map(|i| format!("{i:03}_doc.txt")).collect();
        let a = Analysis::run(Corpus::from_texts(names.iter().map(String::as_str).zip([a, b])));
        let within: Vec<&str> = a
            .discrepancies
            .iter()
            .filter(|d| d.kind == DiscrepancyKind::Figure && d.details.iter().any(|x| x.contains("contradicts itself")))
            .map(|d| d.summary.as_str())
            .collect();
        assert!(within.iter().any(|s| s.contains("14") && s.contains("11")), "{within:?}");
        assert!(within.iter().any(|s| s.contains("86,000") && s.contains("68,000")), "{within:?}");
    }

    #[test]
    fn a_spun_headline_and_a_lede_with_a_shorter_dateline_are_aligned() {
        // A landslide in Bhutan: the copy keeps the dateline's place but drops its
        // date and agency, and reworks the headline hardest.
        let original = "Landslide buries Bhutan highway camp, kills at least 12\n\n\
            THIMPHU, May 4 (Dragon Wire) - A landslide buried a road workers' camp on the main east-west highway \
            in Bhutan early on Sunday, killing at least 12 people, officials said.\n\n\
            The trains of trucks stuck on both sides of the slide stretched for miles by the afternoon. \
            Soldiers dug through the mud with shovels until the rain stopped them at dusk. \
            The road authority said the highway would stay shut for at least a week. \
            Villagers said the slope had been cracking for days before it gave way.";
        let spun = "Mudslide entombs Bhutan highway encampment, kills no less than 12\n\n\
            THIMPHU - A mudslide entombed a road labourers' encampment on the main east-west highway \
            in Bhutan early on Sunday, killing at least 12 individuals, authorities stated.\n\n\
            The trains of trucks stuck on both sides of the slide stretched for miles by the afternoon. \
            Soldiers dug through the mud with shovels until the rain stopped them at dusk. \
            The road authority said the highway would stay shut for at least a week. \
            Villagers said the slope had been cracking for days before it gave way.";
        let names: Vec<String> = (0..2).map(|i| format!("{i:03}_doc.txt")).collect();
        let a = Analysis::run(Corpus::from_texts(names.iter().map(String::as_str).zip([original, spun])));
        let reuse = a.discrepancies.iter().find(|d| d.kind == DiscrepancyKind::Reuse).expect("reuse");
        let texts: Vec<&str> = reuse.spans.iter().map(|s| a.span_text(*s)).collect();
        assert!(texts.iter().any(|t| t.starts_with("Mudslide entombs Bhutan highway")), "{texts:?}");
        assert!(texts.iter().any(|t| t.starts_with("THIMPHU - A mudslide entombed")), "{texts:?}");
    }

    #[test]
    fn a_reprint_notice_is_evidence_of_the_copy() {
        // A Durban port strike, reprinted by a trade site that says so.
        let wire = "Dock workers in Durban walked out on Monday over pay, halting container traffic at the port. \
            The union said 2,300 members had joined the strike by midday. \
            The port operator said it would meet union leaders on Wednesday. \
            Shipping lines diverted three vessels to Cape Town overnight.";
        let copy = "Port News Daily | Reprinted from Coastal Wire\n\n\
            Dock workers in Durban walked out on Monday over pay, halting container traffic at the port. \
            The union said 2,300 members had joined the strike by midday. \
            The port operator said it would meet union leaders on Wednesday. \
            Shipping lines diverted three vessels to Cape Town overnight.\n\n\
            (Source: Coastal Wire)";
        let a = Analysis::run(Corpus::from_texts(["a.txt", "b.txt"].into_iter().zip([wire, copy])));
        let reuse = a.discrepancies.iter().find(|d| d.kind == DiscrepancyKind::Reuse).expect("reuse");
        let texts: Vec<&str> = reuse.spans.iter().map(|s| a.span_text(*s)).collect();
        assert!(texts.iter().any(|t| t.contains("Reprinted from Coastal Wire")), "{texts:?}");
        assert!(texts.contains(&"(Source: Coastal Wire)"), "{texts:?}");
    }

    #[test]
    fn a_quotation_joined_from_two_is_diffed_against_each() {
        let texts = [
            "\"The bridge will reopen in May and carry twice the traffic,\" said Mayor Ann Lee. \"We owe this to every commuter in the whole city.\"",
            "\"The bridge will reopen in May and carry twice the traffic,\" said Mayor Ann Lee. \"We owe this to every commuter in the whole city.\"",
            "\"The bridge will open again in May and carry twice the traffic. We owe this to every commuter in the city,\" Mayor Ann Lee said.",
        ];
        let names = ["000_a.txt", "001_b.txt", "002_c.txt"];
        let a = Analysis::run(Corpus::from_texts(names.into_iter().zip(texts)));
        let q = a.discrepancies.iter().find(|d| d.kind == DiscrepancyKind::Quote).expect("a quote discrepancy");
        // No line replaces one quotation's words by the other's.
        assert!(!q.details.iter().any(|l| l.contains("[-The bridge") || l.contains("{+The bridge")), "{:?}", q.details);
        assert!(!q.details.iter().any(|l| l.contains("[-We owe") || l.contains("{+We owe")), "{:?}", q.details);
    }
}

// Package demo generates the demo portfolio of 2023 and 2024: Zibo's two
// published year-end results, exactly, with believable months before each
// December (early months behind 序时进度 for some units, a few missing
// reports, overdue and early starts). It is pure and deterministic: every
// call returns the same projects, in code order. Money is exact yuan.
//
// 2023 (Portfolio2023): 536 projects, 总投资 5930亿元, 年度完成投资 1310亿元
// against a plan of 1265亿元 (103.6%), 248 new starts against 245 planned
// (101.2%): the 245 新开工 projects planned within 2023 all start by
// December, some late, and CarriedEarly2023 新开工 projects planned for
// 2024 start early, in late 2023 (PlannedStartMonth 13: not planned in
// 2023). No list changes in 2023.
//
// 2024: 530 projects, 总投资 6035亿元, 完成 1181亿元 against 1134.5亿元
// (104.1%), 296 of 296 new starts. Carried (156, two thirds) of its 234 续建
// projects are 2023 projects with the same code, name, unit, category,
// level, total investment and actual start; CarriedNew2023 +
// CarriedEarly2023 of them were 2023 新开工 projects that started in 2023,
// the rest 2023 续建 ones. A carried project's 2023 and 2024 completions
// stay within its total investment.
//
// The 2024 list changes during the year (ListChanges2024, User DemoUser,
// reasons in Chinese) and leaves the year-end result as published:
//   - two projects of the published list are withdrawn (调出) from
//     WithdrawnFrom (July): they count through June, report January to
//     June, and are not among the 530;
//   - two of the 530 are added (增补) from AddedFrom (May): they report from
//     May and count from May;
//   - one of the 530 is 准备类 until it moves to 实施类 from ImplementedFrom
//     (August); it starts in August or later.
//
// The 2024 views of one and the same data:
//   - Portfolio2024WithChanges: the 532 entries as the year ran, list facts
//     set (ListFrom, ListUntil, Class, ImplementedFrom). Load this to have
//     the list as it stood each month.
//   - Portfolio2024Published and Additions2024: the list as published in
//     spring (530 entries: the withdrawn ones on it without ListUntil, the
//     added ones not, the 准备类 one without ImplementedFrom) and the two
//     added entries without list facts. Seeding both and applying
//     ListChanges2024 (models.ListChange.Apply) gives
//     Portfolio2024WithChanges exactly.
//   - Portfolio2024: the 530 of the year-end list without list facts, as if
//     on the list all year and all 实施类: for callers that load no list
//     changes. Same year-end figures.
package demo

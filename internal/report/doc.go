// Package report turns detention statistics into what people read and take
// away: tables whose numbers stay numbers, server-rendered SVG charts (ranked
// bars, monthly lines, stacked bars, a ranked province → city table), CSV and
// XLSX files, and the bilingual annual report.
//
// It is pure: it gets its figures as ipr values from the enforce services and
// imports neither storage nor HTTP, so every output can be checked byte for byte.
package report

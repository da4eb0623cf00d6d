package report

import (
	"net/url"
	"testing"
	"time"

	"bordermark/internal/ipr"
)

func TestParseFilterRoundTrips(t *testing.T) {
	q := url.Values{"from": {"2026-01"}, "to": {"2026-03"}, "office": {" Yiwu "}, "channel": {"postal"}, "transport": {"post"},
		"group": {"4"}, "brand": {"NORTHWIND"}, "province": {"CN-ZJ"}, "profile": {"cn"}, "holder": {"7"}, "lang": {"zh"}}
	f, err := ParseFilter(q)
	if err != nil {
		t.Fatal(err)
	}
	want := ipr.StatsFilter{From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
		Office: "Yiwu", Channel: "postal", Transport: "post", GroupID: 4, Brand: "NORTHWIND", Province: "CN-ZJ", Profile: ipr.ProfileCN, HolderOrgID: 7}
	if f != want {
		t.Errorf("ParseFilter:\ngot  %+v\nwant %+v", f, want)
	}
	if got, want := FilterQuery(f).Encode(), "brand=NORTHWIND&channel=postal&from=2026-01&group=4&holder=7&office=Yiwu&profile=CN&province=CN-ZJ&to=2026-03&transport=post"; got != want {
		t.Errorf("FilterQuery: got %s, want %s", got, want)
	}
}

func TestParseFilterNamesBadFields(t *testing.T) {
	q := url.Values{"from": {"2026-13"}, "to": {"26-01"}, "channel": {"ship"}, "transport": {"horse"}, "group": {"x"},
		"profile": {"UK"}, "holder": {"-1"}}
	_, err := ParseFilter(q)
	fields := ipr.ErrorFields(err)
	for _, name := range []string{"from", "to", "channel", "transport", "group", "profile", "holder"} {
		if fields[name] == "" {
			t.Errorf("field %s: got no problem, want one (all: %v)", name, fields)
		}
	}
	if ipr.ErrorCode(err) != ipr.EINVALID {
		t.Errorf("code: got %q, want %q", ipr.ErrorCode(err), ipr.EINVALID)
	}
	if _, err := ParseFilter(url.Values{"from": {"2026-05"}, "to": {"2026-04"}}); ipr.ErrorFields(err)["to"] == "" {
		t.Errorf("to before from: got %v, want a problem with to", err)
	}
	if _, err := ParseMeasure("weight"); ipr.ErrorFields(err)["measure"] == "" {
		t.Errorf("measure weight: got %v, want a problem with measure", err)
	}
}

package enforce

import (
	"bytes"
	"context"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// The demo's publicity: three published news articles in English and 中文,
// linked as translations, one customs draft, two best-practice notes, and
// three questions to customs (two answered, one shared with all members).
// Everything goes through the services with the clock set back, so the dates
// spread over the past weeks and every change has its audit event.

const demoSecretariat = "secretariat@association.example"

// demoArticle is one news item in both languages: who wrote it, who published it
// (none for a draft), how long ago, and a picture drawn for it.
type demoArticle struct {
	writer, publisher string
	ago               time.Duration
	en, zh            ArticleInput
	picture           *picture
}

var demoArticles = []demoArticle{
	{writer: demoSecretariat, publisher: demoSecretariat, ago: 40 * demoDay,
		en: ArticleInput{Lang: "en", Title: "Customs and brand owners compare notes at the autumn IPR exchange in Hangzhou",
			Tags: []string{"exchange meeting", "hangzhou"},
			Body: "Officers from Hangzhou Customs and its offices in Yiwu, Wenzhou and the postal hub met members of the " +
				"association's working groups for a day of case reviews.\n\n" +
				"## What was discussed\n\n- Split shipments in the express channel, and how declarations hide them\n" +
				"- Answering identification requests within the three working days the rules allow\n" +
				"- Keeping authentication guides current when packaging changes\n\n" +
				"Members asked for more of the questions raised on the day to be answered in writing; they can now " +
				"be asked all year round in Bordermark's Q&A."},
		zh: ArticleInput{Lang: "zh", Title: "杭州海关与品牌权利人举行秋季知识产权保护交流会",
			Tags: []string{"交流会", "杭州"},
			Body: "杭州海关及义乌、温州、邮局海关的关员与协会各工作组成员进行了为期一天的案例交流。\n\n" +
				"## 交流要点\n\n- 快件渠道中的拆单申报及其识别方法\n- 如何在规定的三个工作日内答复侵权确认\n" +
				"- 包装更新后及时更新鉴别指南\n\n会上提出的问题，今后可以在 Bordermark 的问答栏目中全年提问。"}},
	{writer: yiwuOfficer, publisher: districtChief, ago: 18 * demoDay,
		picture: &picture{Ground: white, Body: ink, Shape: "shoe", Fake: true,
			Caption: "YIWU SEIZURE", Lines: []string{"12,000 pairs", "export, express"}},
		en: ArticleInput{Lang: "en", Title: "Yiwu Customs stops 12,000 pairs of counterfeit sports shoes bound for export",
			Tags: []string{"seizure", "yiwu", "footwear"},
			Body: "Officers at Yiwu Customs held 12,000 pairs of sports shoes declared as unbranded footwear in an " +
				"express consignment to Eastern Europe. Risk screening flagged the declaration: a consignor named in " +
				"a right holder's tip, and a unit value far below the genuine product's.\n\n" +
				"The right holder confirmed within two working days that the shoes were not genuine. The goods are " +
				"detained while the investigation runs."},
		zh: ArticleInput{Lang: "zh", Title: "义乌海关查获出口侵权运动鞋1.2万双",
			Tags: []string{"查获", "义乌", "鞋类"},
			Body: "义乌海关在一批申报为无品牌鞋类、发往东欧的快件中查获运动鞋1.2万双。风险布控发现：" +
				"发货人曾出现在权利人提供的线索中，申报单价也远低于正品。\n\n" +
				"权利人在两个工作日内确认该批货物为侵权商品。货物已被扣留，案件正在调查中。"}},
	{writer: demoSecretariat, publisher: demoSecretariat, ago: 6 * demoDay,
		en: ArticleInput{Lang: "en", Title: "World Intellectual Property Day: five ways to tell a genuine product",
			Tags: []string{"world ip day", "consumers"},
			Body: "For World Intellectual Property Day the association and customs opened their exhibition of genuine " +
				"and counterfeit goods to the public.\n\n1. Buy from the brand's own shops or authorised sellers.\n" +
				"2. Check the packaging: print quality, spelling, batch codes.\n3. Be wary of prices far below the usual.\n" +
				"4. Look for the brand's security features, such as holograms.\n5. If in doubt, report it: the tip line " +
				"takes reports without an account."},
		zh: ArticleInput{Lang: "zh", Title: "世界知识产权日：辨别正品的五个方法",
			Tags: []string{"世界知识产权日", "消费者"},
			Body: "世界知识产权日当天，协会与海关向公众开放真假商品展示。\n\n1. 在品牌官方门店或授权经销商处购买。\n" +
				"2. 检查包装：印刷质量、拼写和批号。\n3. 警惕远低于市场价的商品。\n4. 查看品牌的防伪标识，例如全息标签。\n" +
				"5. 如有疑问，请举报：举报热线无需注册账号。"}},
	{writer: postalOfficer, ago: demoDay, // a draft the head of office has not published
		en: ArticleInput{Lang: "en", Title: "Postal channel: results of the quarter (draft)", Tags: []string{"postal"},
			Body: "Figures to be confirmed by the head of office before publication."}},
}

// ensureDemoPublicity loads the demo's publicity unless an article is already there.
func (s *Service) ensureDemoPublicity(ctx context.Context, rep *DemoReport) error {
	var n int64
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		_, n, err = tx.ListArticles(ctx, ipr.ArticleFilter{Limit: 1})
		return err
	})
	if err != nil || n > 0 {
		return err
	}
	now := s.Clock.Now()
	for _, da := range demoArticles {
		if err := s.demoArticle(ctx, da, now.Add(-da.ago), rep); err != nil {
			return err
		}
	}
	if err := s.demoPracticeNotes(ctx, now, rep); err != nil {
		return err
	}
	return s.demoQuestions(ctx, now, rep)
}

// pastService is the same world with its clock at t.
func (s *Service) pastService(t time.Time) *Service {
	return &Service{DB: s.DB, Files: s.Files, Clock: ipr.NewFixedClock(t), Log: s.Log, Jobs: s.Jobs}
}

func (s *Service) demoArticle(ctx context.Context, da demoArticle, at time.Time, rep *DemoReport) error {
	past := s.pastService(at)
	writer, err := s.demoUser(ctx, da.writer)
	if err != nil {
		return err
	}
	en := da.en
	if da.picture != nil && s.Files != nil { // without a file store (some tests), no picture
		data, _ := da.picture.png()
		en.Uploads = []Upload{{Field: "images", Name: "yiwu-seizure.png", Body: bytes.NewReader(data)}}
		rep.Created++ // the picture's file.upload
	}
	first, err := past.CreateArticle(ctx, writer, en)
	if err != nil {
		return err
	}
	rep.Created++
	ids := []int64{first.ID}
	if da.zh.Title != "" {
		zh := da.zh
		zh.TranslationOf, zh.Images = first.ID, first.Images
		second, err := past.CreateArticle(ctx, writer, zh)
		if err != nil {
			return err
		}
		rep.Created++
		ids = append(ids, second.ID)
	}
	if da.publisher == "" {
		return nil
	}
	publisher, err := s.demoUser(ctx, da.publisher)
	if err != nil {
		return err
	}
	later := s.pastService(at.Add(3 * time.Hour))
	for _, id := range ids {
		if _, err := later.PublishArticle(ctx, publisher, id); err != nil {
			return err
		}
		rep.Created++
	}
	return nil
}

func (s *Service) demoPracticeNotes(ctx context.Context, now time.Time, rep *DemoReport) error {
	notes := []struct {
		email string
		ago   time.Duration
		note  ipr.PracticeNote
	}{
		{yiwuOfficer, 30 * demoDay, ipr.PracticeNote{Title: "Spotting split shipments in the express channel",
			Tags: []string{"express", "screening"},
			Body: "Counterfeiters split one order into many small declarations to stay under attention.\n\n" +
				"- Look for the same consignee address with different names on the same day\n" +
				"- Compare declared weights: identical weights across parcels suggest one batch\n" +
				"- Ask the right holder for its tip list and turn repeat names into a risk rule"}},
		{northwindHolder, 12 * demoDay, ipr.PracticeNote{Title: "Answering an identification request in time",
			Tags: []string{"identification", "right holders"},
			Body: "The deadline is short and counted in working days.\n\n1. Keep a named contact for each office, with a deputy.\n" +
				"2. Keep the authentication guide current, with photos of every point.\n" +
				"3. Answer item by item, citing the guide's points, so the officer can follow your reasoning."}},
	}
	for _, n := range notes {
		u, err := s.demoUser(ctx, n.email)
		if err != nil {
			return err
		}
		if _, err := s.pastService(now.Add(-n.ago)).WritePracticeNote(ctx, u, n.note); err != nil {
			return err
		}
		rep.Created++
	}
	return nil
}

func (s *Service) demoQuestions(ctx context.Context, now time.Time, rep *DemoReport) error {
	qs := []struct {
		asker  string
		ago    time.Duration
		q      ipr.Question
		answer string
		shared bool
	}{
		{northwindHolder, 25 * demoDay, ipr.Question{Title: "When is the bond returned after goods are found genuine?",
			Body: "If the goods turn out to be genuine, how soon is our bond released, and do we pay the storage costs?"},
			"The bond is released once the decision is final and the costs are settled. Storage costs up to the " +
				"decision are the applicant's; ask the office for the statement.", true},
		{"counsel@linpartners.example", 9 * demoDay, ipr.Question{OrgID: 0, Title: "Can the identification deadline be extended?",
			Body: "Our client needs a laboratory test for the perfume samples. Can we ask for more time?"},
			"Ask the officer in writing before the deadline runs out, with the reason. The office decides case by case.", false},
		{northwindHolder, 2 * demoDay, ipr.Question{Title: "How do we record a new logo variant?",
			Body: "We changed our logo this year. Is an amendment enough, or a new recordation?"}, "", false},
	}
	officer, err := s.demoUser(ctx, yiwuOfficer)
	if err != nil {
		return err
	}
	for _, dq := range qs {
		u, err := s.demoUser(ctx, dq.asker)
		if err != nil {
			return err
		}
		if u.Role == ipr.RoleAgent {
			dq.q.OrgID, err = s.demoOrgID(ctx, "Lumina Beauty")
			if err != nil {
				return err
			}
		}
		at := now.Add(-dq.ago)
		asked, err := s.pastService(at).AskQuestion(ctx, u, dq.q)
		if err != nil {
			return err
		}
		rep.Created++
		if dq.answer == "" {
			continue
		}
		if _, err := s.pastService(at.Add(demoDay)).AnswerQuestion(ctx, officer, asked.ID, dq.answer); err != nil {
			return err
		}
		rep.Created++
		if dq.shared {
			if _, err := s.pastService(at.Add(demoDay)).ShareQuestion(ctx, officer, asked.ID, true); err != nil {
				return err
			}
			rep.Created++
		}
	}
	return nil
}

func (s *Service) demoOrgID(ctx context.Context, name string) (int64, error) {
	var id int64
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		o, err := tx.OrgByName(ctx, name)
		if err == nil {
			id = o.ID
		}
		return err
	})
	return id, err
}

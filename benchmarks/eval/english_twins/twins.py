#!/usr/bin/env python3
"""Build the English twins of the Chinese questions (standard library only).

Run from anywhere: python3 benchmarks/eval/english_twins/twins.py
It rewrites the five *.jsonl files in this folder and checks them.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.dirname(HERE)

SOURCES = [
    ("questions_dev.jsonl", "dev.jsonl"),
    ("questions_probe.jsonl", "probe.jsonl"),
    ("probe_docs2/questions.jsonl", "probe_docs2.jsonl"),
    ("probe_docs3/questions.jsonl", "probe_docs3.jsonl"),
    ("probe_docs4/questions.jsonl", "probe_docs4.jsonl"),
]

EN = {
    # ---- questions_dev.jsonl ----
    "d001": "What market-style pay arrangements has Shanghai tried for its civil servants, and in which part of the city were they introduced?",
    "d003": "In Zhejiang, which places have experimented with allowances for township officials?",
    "d004": "What award contests and commendation schemes for officials have been run in Chuzhou City?",
    "d005": "Is there anywhere in Shandong that held a meeting specifically to clear officials who had been falsely accused? If so, where?",
    "d008": "In Zhejiang, what guidance has been issued on how public service units distribute performance pay, and which level of government issued it?",
    "d009": "Which mechanisms for protecting officials does the report to Zhejiang's 15th Provincial Party Congress say should be strengthened?",
    "d011": "If a talent project in Shandong fails to deliver the expected results, what protection from blame do the people involved get?",
    "d013": "During the campaign on fostering a correct view of what counts as an official's achievements, what did Jilin single out for a concentrated clean-up?",
    "d014": "What mechanism has Anhui put in place for the pay of village officials?",
    "d015": "How does the author think Jiangsu could reward its officials more promptly?",
    "d017": "What lessons does the article draw for Jiangsu on using digital tools to manage cadres?",
    "d019": "What does the article recommend Jiangsu do to improve its arrangements for tolerating honest mistakes by officials?",
    "d020": "According to the head of Zhifu District's discipline inspection commission, what work to protect officials will they step up next?",
    "d022": "How much more per month in township post allowance do staff of township government offices and public institutions in Yunnan get?",
    "d024": "Under the plan announced at the time, how often were basic salary scales for government and public-institution staff to be adjusted?",
    "d025": "According to the 2019 notice on cutting red tape for grassroots officials, by how much were the documents sent below county level, and the meetings held for those levels, to be reduced?",
    "d027": "In Jiangxi, how many kinds of certificates has the province ruled that village organisations should no longer be asked to issue?",
    "d029": "How long does a 'serious demerit' sanction against a civil servant remain in effect?",
    "d031": "After the pay adjustment, what was the average net monthly increase for government and public-institution staff in Beijing?",
    "d032": "Does the Lingang New Area pay its contract-appointed civil servants a negotiated annual salary?",
    "d034": "Has Beijing set up a mechanism that tolerates failure in science and technology innovation?",
    "d036": "Under the 2014 Regulations on Personnel Management of Public Institutions (事业单位人事管理条例), is a 'first-class merit citation' one of the awards staff can receive?",
    "d038": "Did the 2016 government work report call for stronger mechanisms for tolerating and correcting officials' mistakes?",
    "d039": "Does Shandong's talent regulation allow state-owned enterprises and public institutions to put high-level talent on an annual salary?",
    "d040": "Which documents mention the 'three distinctions' principle?",
    "d042": "Which laws and regulations spell out how long a disciplinary sanction lasts?",
    "d043": "Which documents allow staff to be paid under a negotiated salary system?",
    "d045": "Which years' government work reports mention the State Council's large-scale nationwide inspection?",
    "d046": "What kinds of awards does the Civil Servant Law provide for?",
    "d048": "If a civil servant is sent on a temporary posting, does their employment relationship with their home agency change during the secondment?",
    "d049": "What happens to the post and rank of a civil servant rated 'incompetent' in the annual review?",
    "d050": "Under the 2024 amendment to the Supervision Law, what is the longest a person can be kept under an order to remain available for investigation?",
    "d052": "What new measure does the 2024 version of the Supervision Law add for supervisory staff suspected of serious job-related violations, and how long can it last?",
    "d054": "If someone objected during the collective discussion of a decision that later turned out to be a serious mistake, how is their liability judged afterwards?",
    "d055": "How does the State Council's Regulations on Optimizing the Business Environment (优化营商环境条例) deal with local mistakes or deviations that happen while trying out new approaches?",
    "d057": "Which index does Zhejiang use to evaluate its officials?",
    "d058": "What career path has Shanghai mapped out for grassroots officials?",
    "d059": "What system has Zhejiang set up to link accountability investigations with decisions on excusing officials' mistakes?",
    "d061": "In Jingmen City, how is the assistance work that village organisations do for government departments treated in performance assessments?",
    "d062": "In the campaign on a correct view of performance, which evaluation system did the Beijing Party Committee set out to improve?",
    "d064": "What special allowance scheme covers government and public-institution employees who work in townships?",
    "d065": "Shandong honours talented people who make outstanding contributions with an award. Which one?",
    "d074": "How big a settling-in payment does Shenzhen give high-level talent recruited into the civil service?",
    "d076": "What are the criteria for Chengdu's 'most admirable grassroots official' award?",
    "d077": "What exactly is in the 'seven reductions' package that Chenzhou introduced?",
    # ---- questions_probe.jsonl ----
    "p002": "Which city in Anhui has made a particular push on rank promotions for officials, and what principles does it follow when promoting?",
    "p004": "After confirming that an official had been falsely accused, did a discipline inspection and supervision commission anywhere in Shandong hand the accuser's case over to the police? Where?",
    "p006": "Has any part of Shanghai switched specialised, hard-to-fill civil service posts to contract appointments? Which area exactly?",
    "p008": "What special arrangements, in how they are brought in and how they are supported, does Shandong offer world-class or top-tier talent teams that come to the province to innovate or start businesses?",
    "p010": "At the symposium on fully revitalising Northeast China in the new era, what did Xi Jinping ask for regarding the exchange of officials between the Northeast, central Party and state bodies, and the southeastern coastal regions?",
    "p011": "What permanent-residence system does Beijing use to attract foreign innovators?",
    "p013": "According to the article, how should Jiangsu balance non-material recognition against material rewards?",
    "p015": "At the 2024 national conference of Party organisation department heads, what did Cai Qi say about how strict oversight of officials should relate to encouraging them to take initiative?",
    "p017": "Of the nearly 40 million people working in China's government agencies and public institutions, roughly how many work in townships?",
    "p020": "Into how many categories and specific situations has Zhejiang broken down the cases in which officials' mistakes can be excused?",
    "p021": "How many areas did the self-examination checklist that Yunnan drew up for Party members and officials in the performance-view campaign cover?",
    "p022": "According to the 2014 government work report, by how much did central government bodies cut spending on official overseas trips, official cars and official hospitality compared with the year before?",
    "p025": "Did the Politburo meeting in September 2024 call for standing behind officials who take responsibility and get things done?",
    "p027": "When Jiangxi cleaned up the certificates that village organisations had to issue, were family-planning certificates scrapped?",
    "p028": "Did the 2014 government work report propose a mechanism for tolerating and correcting officials' mistakes?",
    "p032": "Which regulations allow employers to pay high-level talent on an annual-salary basis?",
    "p034": "Which years' government work reports explicitly call for holding mediocre, lazy government staff who don't do real work to account, or for cracking down on them?",
    "p037": "How many years of service does a civil servant need before they can apply to retire early of their own accord?",
    "p039": "If a civil servant disagrees with a disciplinary sanction, how long do they have to request a review or lodge an appeal?",
    "p041": "What limit does the 2024 amended Supervision Law put on how long a person compelled to appear for questioning can be held for it?",
    "p043": "When a draft major administrative decision is sent for legality review, how much time should the reviewing body normally be given?",
    "p045": "Under Shandong's talent regulation, in which respects must units and individuals that have been exempted from liability suffer no adverse consequences?",
    "p046": "What grades can an annual appraisal result in under the State Council's regulations on personnel management in public institutions?",
    "p047": "What award contests has Shanghai held to honour its civil servants?",
    "p049": "What mechanism has Zhejiang built so that decisions in cadre management rest on data?",
    "p052": "During the campaign on a correct view of performance, how did Beijing go about improving the public services it provides?",
    "p054": "According to the 2014 government work report, what was done to support rural teachers in the contiguous areas of extreme poverty?",
    "p056": "What is the standard monthly base pay for village officials in Guangdong?",
    "p059": "Under the Fujian–Ningxia pairing programme, how many officials in total has Fujian sent to Ningxia on secondment?",
    "p060": "How does Nanzhao County in Henan assess the temporary Party branches set up during the anti-poverty campaign?",
    # ---- probe_docs2/questions.jsonl ----
    "p2q01": "Which county in Qujing, Yunnan, has built staff housing and a canteen for township officials?",
    "p2q04": "Which county in Xinjiang provides transitional flats for the officials and professionals Xiamen sends there on aid assignments?",
    "p2q05": "What did Qujing do last year on excusing officials' honest mistakes and publicly clearing the names of those wrongly accused?",
    "p2q08": "What help has Jinan given the families of the officials and specialists it sends to Tibet?",
    "p2q12": "How does Liu Wenlan suggest Jiangxi stop different departments from taking turns to descend on the townships for inspections?",
    "p2q13": "What honour does the commentary on motivating Jiangxi's township officials propose creating?",
    "p2q14": "How much is the monthly work-and-living allowance Xiamen pays the officials and professionals it sends to Xinjiang?",
    "p2q16": "What is the minimum monthly township allowance set by Hunan's regulation, and is it the same in the 2019 text and the 2023 revision?",
    "p2q18": "In Guangxi, how much is the monthly frontier talent allowance for technical professionals working in townships of border counties?",
    "p2q19": "In Dancheng, are the results of the quarterly 'horse race' among townships tied to performance bonuses?",
    "p2q22": "Does Xiamen's notice give a one-off settling-in grant to people going to Xinjiang on aid duty for the first time?",
    "p2q23": "Does the Sichuan provincial notice provide for buying commercial health insurance for all township officials?",
    "p2q24": "Which documents set or mention a township allowance?",
    "p2q27": "In the 2023 revision of Hunan's regulation on encouraging officials to take on responsibility, which article covers clearing the names of wrongly accused officials, and what number did that article have in the 2019 version?",
    "p2q29": "The 2023 revision of Hunan's regulation added a chapter on cutting red tape for grassroots officials. What does it say about inspections, checks and assessments?",
    "p2q31": "How does Guangxi's talent development regulation treat researchers whose high-risk projects fall short of their goals?",
    "p2q33": "How does Dancheng County get young officials from county departments to gain experience at the grassroots?",
    "p2q36": "What rules has Kunming issued on leniency for officials who make mistakes while trying something new?",
    "p2q38": "Which places refund personal income tax to the high-level talent they recruit?",
    "p2q40": "What rules does the Xinjiang Production and Construction Corps have on rank promotion for officials sent to Xinjiang on aid postings?",
    # ---- probe_docs3/questions.jsonl ----
    "p3q01": "Which county in Hebei pays a winter heating allowance to officials in its Bashang plateau townships, and how much is it per person per year?",
    "p3q04": "In Honghe Prefecture, Yunnan, which counties look after the living conditions and safety of the officials and professionals sent from Shanghai, and what does each one provide?",
    "p3q06": "What limits has Qianjiang District in Chongqing put on inspections and assessments of townships by district departments?",
    "p3q09": "How does the Yunnan side handle the annual appraisal of officials seconded from Shanghai?",
    "p3q13": "What does Huang Qiming's article recommend Guangdong do about allowances for officials in towns and sub-districts?",
    "p3q16": "What monthly living allowance did Huanggang's 2019 notice set for first secretaries and team members stationed in villages, and what did the 2023 notice change it to?",
    "p3q18": "What is the minimum township allowance in Shanxi's regulation on incentives and support for grassroots officials, in the 2018 version and in the 2022 revision respectively?",
    "p3q20": "Jilin pays officials in townships along the border an extra monthly allowance. How much is it?",
    "p3q21": "What share of Qianjiang's annual rank-promotion slots goes to townships and sub-districts?",
    "p3q22": "Does the 2022 revision of Shanxi's regulation on incentives for grassroots officials contain specific provisions on easing the burden on the grassroots?",
    "p3q23": "If a Baotou official disagrees with the ruling on whether their mistake is excused, can they ask for it to be reviewed?",
    "p3q25": "Do Qianjiang District's ten measures make any special arrangements for getting grassroots officials' children into school?",
    "p3q27": "Does Dongtai's 2025 government work report mention paying officials a negotiated annual salary?",
    "p3q28": "Which documents deal with providing officials with transitional housing, whether flats, dormitories or apartments?",
    "p3q31": "Article 7, paragraph 2 of Baotou's implementing measures on fault tolerance and clearing officials' names sets special procedural requirements for certain applications. Which ones?",
    "p3q33": "When Shanxi revised its regulation on grassroots officials in 2022, which article of the 2018 text, the one providing rewards for poverty-alleviation work, was deleted?",
    "p3q36": "Under Shanxi's regulation, how many years of continuous work in a township qualify an official for promotion to first-grade principal staff member, and how did the 2022 revision change that?",
    "p3q37": "How does Fuping County assess what its township officials actually achieve?",
    "p3q39": "How is Lishui developing young township officials in its mountain counties?",
    "p3q41": "What rules has Taiyuan adopted on tolerating and correcting officials' honest mistakes?",
    "p3q43": "What sort of negotiated annual salary does Ordos offer the high-level talent it recruits?",
    "p3q45": "What special allowances does Yanbian Prefecture give officials in its border townships?",
    # ---- probe_docs4/questions.jsonl ----
    "p4q01": "Under Heilongjiang's regulation on encouraging officials to take initiative, as revised in 2024, how long do secondments of provincial and city officials to townships in border counties last, and how does that differ from the 2019 version?",
    "p4q04": "What additional allowance does Article 4 of Fujian's measures on incentives and support for township and sub-district officials give those working in island townships, and which island townships qualify?",
    "p4q05": "Under Ningxia's regulation, how long do villages and urban communities have to take down other bodies' nameplates already hung at their doors?",
    "p4q07": "In which counties do Baoji's implementing rules on motivating officials pilot a points-based system for managing township officials' performance, and how long does the pilot run?",
    "p4q09": "Under Baoji City's implementing rules, what can an official do if they disagree with the decision on whether their mistake is excused, and is there a deadline?",
    "p4q10": "Which Anhui county pays an extra allowance to officials in remote mountain townships, and at what rate?",
    "p4q13": "Which district of Qingdao raised the pay of village Party secretaries, and to what level?",
    "p4q15": "Which county or county-level city under Nanyang ranks its townships' key work every month, publishes the results, and uses them when deciding who is rated excellent?",
    "p4q18": "For officials Tianjin seconds to Gansu, does the time spent there count as grassroots work experience?",
    "p4q20": "Does the Ningxia Hui Autonomous Region's regulation on reducing burdens at the grassroots provide for paying allowances to township officials?",
    "p4q22": "Does the Nanyang Party organisation department's work summary for 2024 mention sending officials on recuperation leave?",
    "p4q23": "Which documents talk about clearing officials' names?",
    "p4q26": "Which documents provide for meeting-free days or meeting-free weeks?",
    "p4q27": "What minimum monthly allowance for officials in border townships did Heilongjiang's regulation on officials taking initiative set in its 2019 version, and what does the 2024 revision set?",
    "p4q29": "How many officials does Yuexi County name each year as its 'stars of hard work'?",
    "p4q34": "In Ningxia, what is the most times per year that cities and counties can be put through comprehensive inspections and assessments?",
    "p4q35": "How does Chen Yaqin's article suggest Hainan lighten the load on township officials during the typhoon season?",
    "p4q38": "Which places offer counselling or other psychological support to grassroots officials?",
    "p4q40": "Where are young officials from government offices being sent to villages or urban communities, on appointments or secondments, to toughen them up at the grassroots?",
    "p4q42": "What benefits do the officials Tianjin seconds to Longnan in Gansu receive?",
    "p4q44": "What has Xinyang City in Henan done to motivate township officials?",
}


def build():
    used = set()
    counts = {}
    for src, dst in SOURCES:
        rows = [json.loads(line) for line in _lines(os.path.join(EVAL, src)) if line.strip()]
        out = []
        for r in rows:
            if r["lang"] != "zh":
                continue
            if r["id"] not in EN:
                sys.exit("missing English twin for {}".format(r["id"]))
            t = {}
            for k, v in r.items():
                t[k] = v
            t["id"] = r["id"] + "e"
            t["lang"] = "en"
            t["question"] = EN[r["id"]]
            used.add(r["id"])
            out.append(t)
        with open(os.path.join(HERE, dst), "w", encoding="utf-8") as f:
            for t in out:
                f.write(json.dumps(t, ensure_ascii=False) + "\n")
        counts[dst] = len(out)
    extra = set(EN) - used
    if extra:
        sys.exit(f"twins without a zh source: {sorted(extra)}")
    return counts


def _lines(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read().splitlines()


def check():
    ok = True
    for src, dst in SOURCES:
        zh = [json.loads(line) for line in _lines(os.path.join(EVAL, src)) if line.strip()]
        zh = [r for r in zh if r["lang"] == "zh"]
        lines = _lines(os.path.join(HERE, dst))
        en = [json.loads(line) for line in lines]
        if len(en) != len(zh):
            print(f"{dst}: {len(en)} lines, {len(zh)} zh questions")
            ok = False
        for a, b in zip(zh, en, strict=False):
            if list(a.keys()) != list(b.keys()):
                print("{}: field set differs".format(b["id"]))
                ok = False
            for k in a:
                if k in ("id", "lang", "question"):
                    continue
                if a[k] != b[k]:
                    print("{}: field {} differs".format(b["id"], k))
                    ok = False
            if b["id"] != a["id"] + "e" or b["lang"] != "en":
                print("{}: bad id/lang".format(b["id"]))
                ok = False
            if any(
                "\u4e00" <= ch <= "\u9fff"
                for ch in b["question"]
                .replace("事业单位人事管理条例", "")
                .replace("优化营商环境条例", "")
            ):
                print("{}: Chinese characters in question".format(b["id"]))
                ok = False
        print(f"{dst:<18} {len(en):3d} twins  (source {src}: {len(zh)} zh)")
    print("all checks passed" if ok else "CHECKS FAILED")
    return ok


if __name__ == "__main__":
    build()
    sys.exit(0 if check() else 1)

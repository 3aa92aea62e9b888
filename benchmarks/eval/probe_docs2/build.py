# Builds gold.tsv and questions.jsonl for probe_docs2 (hand-written rows below).
import json
H19='hunan-cujin-ganbu-dandang-tiaoli-2019.md'; H23='hunan-cujin-ganbu-dandang-tiaoli-2023.md'
GX='guangxi-rencai-fazhan-cujin-tiaoli-2021.md'; LN='liaoning-jiceng-zhili-cujin-tiaoli-2022.md'
XM='yuanjiang-xiamen-jimusaer-tongzhi.txt'; JN='yuanzang-jinan-bailang-gongzuo-baogao.txt'
QJ='qujing-shiwei-shuji-jianghua.txt'; DC='xinhua-dancheng-xiangzhen-ganbu.txt'
SC='sichuan-jili-xiangzhen-ganbu-tongzhi.txt'; JX='commentary-jiangxi-xiangzhen-ganbu-jili.txt'
A,R,Q='adopted','recommended','required'
gold=[
(H19,'湖南省','assessment','分类设置考核指标',Q,'对乡镇（街道）和县级部门应当分类设置考核指标'),
(H19,'湖南省','career','优先晋升一级职级',Q,'可以在职数范围内优先晋升一级职级'),
(H19,'湖南省','exchange','挂职锻炼',Q,'艰苦岗位挂职锻炼，挂职时间一般为一年至二年'),
(H19,'湖南省','honor','“湖南省担当作为先进个人”评选表彰',Q,'每次表彰人数不超过一百名'),
(H19,'湖南省','material','一次性奖金奖励',Q,'县级以上人民政府可以给予一次性奖金奖励'),
(H19,'湖南省','fault_tolerance','容错',Q,'受理机关应当自受理之日起三十日内作出认定'),
(H19,'湖南省','material','乡镇工作补贴',Q,'按照每人每月不低于三百元的标准享受乡镇工作补贴'),
(H23,'湖南省','assessment','实绩档案',Q,'县级以上党委组织部门应当为干部建立实绩档案'),
(H23,'湖南省','honor','“湖南省担当作为先进个人”评选表彰',Q,'每次表彰人数不超过一百五十名'),
(H23,'湖南省','fault_tolerance','事前向同级党委组织部门报备',Q,'有关单位可以事前向同级党委组织部门报备'),
(H23,'湖南省','material','乡镇工作补贴',Q,'按照每人每月不低于五百元的标准享受乡镇工作补贴'),
(H23,'湖南省','care','疗休养',Q,'在乡镇（街道）工作满五年的干部，优先安排疗休养'),
(H23,'湖南省','burden_reduction','督查检查考核实行年度计划管理',Q,'对乡镇（街道）开展的督查检查考核实行年度计划管理'),
(H23,'湖南省','fault_tolerance','澄清正名',Q,'在一定范围内予以澄清正名'),
(GX,'广西壮族自治区','material','协议年薪',Q,'可以实行协议年薪、项目工资等分配方式'),
(GX,'广西壮族自治区','material','基层工作生活补贴',Q,'按照每人每年一万元的标准发放基层工作生活补贴'),
(GX,'广西壮族自治区','career','职称评审',Q,'申报高级职称时对论文不作硬性要求'),
(GX,'广西壮族自治区','honor','人才突出贡献奖',Q,'自治区设立人才突出贡献奖'),
(GX,'广西壮族自治区','material','边境一线人才津贴',Q,'按照每人每月不低于八百元的标准享受边境一线人才津贴'),
(GX,'广西壮族自治区','fault_tolerance','免除相应责任',Q,'可以免除相应责任，不作负面评价'),
(LN,'辽宁省','material','乡镇工作补贴',Q,'补贴标准不低于每人每月四百元'),
(LN,'辽宁省','career','晋升一级主任科员以上职级',Q,'可以在本县职数范围内晋升一级主任科员以上职级'),
(LN,'辽宁省','material','村党组织书记的基本报酬',Q,'村党组织书记的基本报酬不低于上年度本县（市、区）农村居民人均可支配收入的二倍'),
(LN,'辽宁省','assessment','反向评价',Q,'实行乡镇（街道）对县级部门的反向评价'),
(LN,'辽宁省','fault_tolerance','容错免责',Q,'符合规定情形的，予以容错免责'),
(LN,'辽宁省','burden_reduction','综合性督查检查考核',Q,'综合性督查检查考核原则上每年不超过一次'),
(LN,'辽宁省','burden_reduction','不得悬挂其他机构牌子',Q,'不得悬挂其他机构牌子'),
(XM,'厦门市','material','援疆工作生活补助',A,'市财政按照每人每月2800元的标准发放援疆工作生活补助'),
(XM,'厦门市','exchange','一年半中期轮换',A,'专业技术人才实行一年半中期轮换'),
(XM,'厦门市','care','休假探亲',A,'援疆干部人才每年可回厦休假探亲两次'),
(XM,'吉木萨尔县','material','周转住房',A,'吉木萨尔县提供援疆干部人才周转住房'),
(XM,'厦门市','care','“一户一联络人”制度',A,'实行援疆干部人才家庭“一户一联络人”制度'),
(XM,'厦门市','career','晋升一级职级',A,'可以使用派出单位的职数晋升一级职级'),
(XM,'厦门市','honor','通报表扬',A,'由市委、市政府予以通报表扬'),
(JN,'济南市','material','援藏生活补贴',A,'市财政按照每人每月3500元的标准发放援藏生活补贴'),
(JN,'济南市','exchange','一年一轮换',A,'教育、医疗人才实行一年一轮换'),
(JN,'济南市','care','就医绿色通道',A,'为援藏干部人才父母、配偶和子女开通就医绿色通道'),
(JN,'济南市','care','回内地休整',A,'每年可分两次回内地休整，累计不超过60天'),
(JN,'济南市','honor','记三等功',A,'按规定记三等功一次'),
(JN,'白朗县','material','制氧机',A,'为援藏干部人才集中安排了公寓，每个房间配备了制氧机'),
(JN,'济南市','assessment','干部实绩档案',R,'推动把援藏期间的工作实绩纳入干部实绩档案'),
(QJ,'曲靖市','fault_tolerance','容错免责',A,'全年对17名干部予以容错免责'),
(QJ,'曲靖市','fault_tolerance','澄清正名',A,'为8名受到不实举报的干部公开澄清正名'),
(QJ,'曲靖市','honor','“担当作为好干部”评选',A,'表彰了62名好干部'),
(QJ,'曲靖市','career','晋升职级',A,'全市乡镇公务员去年有412人晋升职级'),
(QJ,'曲靖市','care','谈心谈话',A,'与基层干部谈心谈话2600余人次'),
(QJ,'会泽县','material','周转房和公共食堂',A,'会泽县探索建设乡镇干部周转房和公共食堂'),
(QJ,'曲靖市','burden_reduction','督查检查考核事项',A,'全市对乡镇的督查检查考核事项从去年的146项压减到52项'),
(QJ,'曲靖市','exchange','挂职锻炼',R,'每年从市直机关选派不少于80名年轻干部到乡镇挂职锻炼一年'),
(DC,'郸城县','material','县级岗位补贴',A,'由县财政为乡镇干部每人每月再发放300元的县级岗位补贴'),
(DC,'郸城县','material','干部周转房',A,'全县已为乡镇建成干部周转房416套'),
(DC,'郸城县','career','职级晋升名额',A,'每年职级晋升名额的60%以上用于乡镇干部'),
(DC,'郸城县','exchange','“墩苗”机制',A,'建立了年轻干部“墩苗”机制'),
(DC,'郸城县','assessment','“季度赛马”',A,'郸城县推行乡镇工作“季度赛马”'),
(DC,'郸城县','burden_reduction','基层报表',A,'县委组织部还把基层报表整合为“一张表”'),
(DC,'郸城县','honor','“郸城实干之星”',A,'县里还设立了“郸城实干之星”评选'),
(SC,'四川省','material','乡镇工作补贴',A,'按照月人均不低于600元的标准落实乡镇工作补贴'),
(SC,'四川省','material','高原乡镇工作补贴',A,'每人每月增发200元高原乡镇工作补贴'),
(SC,'四川省','career','职级职数',A,'县级机关统筹使用的职级职数，不低于40%用于乡镇公务员'),
(SC,'四川省','exchange','挂职锻炼',A,'省直机关每年选派不少于100名年轻干部到凉山州、甘孜州、阿坝州的乡镇挂职锻炼'),
(SC,'四川省','honor','“四川省优秀乡镇党委书记”',A,'每两年评选一次“四川省优秀乡镇党委书记”'),
(SC,'四川省','fault_tolerance','容错纠错典型案例定期发布机制',R,'鼓励各市（州）探索建立容错纠错典型案例定期发布机制'),
(SC,'昭觉县','care','高原乡镇干部轮休制度',A,'昭觉县推行高原乡镇干部轮休制度'),
(SC,'理塘县','material','供氧设施和周转房',A,'理塘县为海拔4000米以上乡镇全部配备供氧设施和周转房'),
(JX,'寻乌县','assessment','“实绩积分制”',A,'赣州市寻乌县推行乡镇干部“实绩积分制”'),
(JX,'吉安市','material','“安居工程”',A,'吉安市在全市乡镇推行干部“安居工程”'),
(JX,'萍乡市','care','一年一体检、两年一疗养',A,'萍乡市则对乡镇干部实行“一年一体检、两年一疗养”'),
(JX,'上饶市','burden_reduction','“周五无会日”',A,'上饶市部分县区在乡镇推行“周五无会日”'),
(JX,'江西省','material','乡镇工作补贴',R,'建议在全省建立乡镇工作补贴与在乡镇工作年限挂钩的增长机制'),
(JX,'江西省','career','职级职数',R,'单列一定比例专门用于乡镇公务员'),
(JX,'江西省','fault_tolerance','容错纠错情形清单',R,'建议制定全省统一的容错纠错情形清单和操作规程'),
(JX,'江西省','burden_reduction','“统筹进村”',R,'建议推行涉及乡镇的督查检查考核“统筹进村”'),
(JX,'江西省','honor','“赣鄱基层实干奖”',R,'建议设立省级“赣鄱基层实干奖”'),
]
def q(lang,cls,question,docs,regions,quotes,answer=None,edocs=None,neg=False):
    return dict(lang=lang,**{'class':cls},question=question,docs=docs,expect_regions=regions,
                expect_quote_contains=quotes,expect_answer=answer,expect_documents=edocs or [],negative=neg)
qs=[
# region_scope
q('zh','region_scope','云南曲靖有哪个县为乡镇干部建了周转房和食堂？',[QJ],['会泽县'],['会泽县探索建设乡镇干部周转房']),
q('en','region_scope','In Sichuan, which counties does the province hold up as examples for looking after township officials at high altitude, and what did each do?',[SC],['昭觉县','理塘县'],['高原乡镇干部轮休制度','供氧设施和周转房']),
q('en','region_scope','Which county in Henan pays township officials an extra monthly allowance out of its own budget, on top of the national township allowance?',[DC],['郸城县'],['300元的县级岗位补贴']),
q('zh','region_scope','新疆哪个县为厦门派去的援疆干部人才提供周转住房？',[XM],['吉木萨尔县'],['提供援疆干部人才周转住房']),
# implicit_region
q('zh','implicit_region','曲靖市去年在容错纠错和澄清正名方面做了什么？',[QJ],['曲靖市'],['全年对17名干部予以容错免责','公开澄清正名']),
q('en','implicit_region','What does Qujing plan to do to send young officials from city departments down to the townships?',[QJ],['曲靖市'],['不少于80名年轻干部']),
q('en','implicit_region','How does Xiamen keep in touch with the families of the officials it sends to Xinjiang?',[XM],['厦门市'],['一户一联络人']),
q('zh','implicit_region','济南市为援藏干部人才的家属提供了哪些帮助？',[JN],['济南市'],['开通就医绿色通道','建立援藏干部人才家属联络群']),
# english
q('en','english',"Under Guangxi's talent regulation, can state-owned firms pay high-level recruits a negotiated annual salary, and does that pay count against the unit's performance-pay total?",[GX],['广西壮族自治区'],['可以实行协议年薪','不纳入本单位绩效工资总量']),
q('en','english','What does Bainang County itself provide for the officials Jinan sends to work there?',[JN],['白朗县'],['配备了制氧机']),
# advice
q('en','advice','What does the commentary recommend Jiangxi do about the township allowance?',[JX],['江西省'],['与在乡镇工作年限挂钩']),
q('zh','advice','刘文澜建议江西怎样避免多个部门轮番到乡镇检查？',[JX],['江西省'],['督查检查考核“统筹进村”']),
q('zh','advice','关于江西乡镇干部激励的评论文章建议设立什么荣誉？',[JX],['江西省'],['赣鄱基层实干奖']),
# number
q('zh','number','厦门市给援疆干部人才每月发多少工作生活补助？',[XM],['厦门市'],['每人每月2800元']),
q('en','number',"How does the monthly allowance Xiamen pays its aid officials in Xinjiang compare with what Jinan pays its aid officials in Tibet?",[XM,JN],['厦门市','济南市'],['每人每月2800元','每人每月3500元']),
q('zh','number','湖南省条例规定的乡镇工作补贴最低是每月多少？2019年版和2023年修订版一样吗？',[H19,H23],['湖南省'],['每人每月不低于三百元','每人每月不低于五百元']),
q('en','number','By how much did Qujing cut the number of inspection and assessment items imposed on townships?',[QJ],['曲靖市'],['从去年的146项压减到52项']),
q('zh','number','广西边境县乡镇的专业技术人才每月能拿多少边境一线人才津贴？',[GX],['广西壮族自治区'],['每月不低于八百元']),
# yes_no
q('zh','yes_no','郸城县乡镇“季度赛马”的结果和绩效奖金挂钩吗？',[DC],['郸城县'],['与乡镇干部绩效奖金直接挂钩'],'yes'),
q('en','yes_no',"Does Liaoning's regulation limit how often townships can be put through comprehensive inspections and assessments?",[LN],['辽宁省'],['原则上每年不超过一次'],'yes'),
q('en','yes_no',"Under Hunan's 2023 regulation, can a unit register a risky reform in advance so that this counts when fault tolerance is decided?",[H23],['湖南省'],['事前向同级党委组织部门报备'],'yes'),
q('zh','yes_no','厦门市的通知有没有给首次援疆的干部人才发一次性安家补助？',[XM],[],[],'no'),
q('zh','yes_no','四川省的通知有没有为乡镇干部统一购买商业医疗保险？',[SC],[],[],'no'),
# document
q('zh','document','哪些文件规定或提到了乡镇工作补贴？',[H19,H23,LN,QJ,DC,SC,JX],[],['乡镇工作补贴'],None,[H19,H23,LN,QJ,DC,SC,JX]),
q('en','document','Which documents deal with clearing the names of officials who were falsely or wrongly reported?',[H19,H23,LN,QJ,DC,SC],[],[],None,[H19,H23,LN,QJ,DC,SC]),
q('en','document','Which documents are about officials sent on aid assignments to Xinjiang or Tibet?',[XM,JN],[],[],None,[XM,JN]),
# statute
q('zh','statute','2023年修订的《湖南省促进干部担当作为条例》哪一条规定了澄清正名？这一条在2019年版中是第几条？',[H19,H23],['湖南省'],['第二十一条 对受到诬告陷害','第十七条 对受到诬告陷害']),
q('en','statute',"Which provision on cash rewards for officials who attract investment was in Hunan's 2019 regulation but dropped from the 2023 revision?",[H19,H23],['湖南省'],['第十三条 对在招商引资','一次性奖金奖励']),
q('zh','statute','湖南省条例2023年修订时新增的基层减负一章对督查检查考核作了什么规定？',[H23],['湖南省'],['督查检查考核实行年度计划管理']),
q('en','statute',"Under Liaoning's grassroots governance regulation, how much weight does the township's opinion carry in the annual assessment of county staff stationed in the township?",[LN],['辽宁省'],['不低于百分之五十']),
q('zh','statute','广西人才发展促进条例对承担高风险科研项目未达到预期目标的科研人员怎么处理？',[GX],['广西壮族自治区'],['不作负面评价']),
q('en','statute',"Under Hunan's regulation, how long does the accepting body have to decide a fault-tolerance application, and did the 2023 revision change this?",[H19,H23],['湖南省'],['三十日内作出认定','二十个工作日内作出认定']),
# measure
q('zh','measure','郸城县怎样让县直单位的年轻干部到基层锻炼？',[DC],['郸城县'],['“墩苗”机制']),
q('en','measure',"What floor does Liaoning's regulation set for the basic pay of village Party secretaries?",[LN],['辽宁省'],['人均可支配收入的二倍']),
# negative
q('en','negative','How much high-altitude allowance does Changsha pay the officials it sends to Tibet?',[],[],[],None,None,True),
q('zh','negative','昆明市出台了什么样的容错纠错办法？',[],[],[],None,None,True),
q('en','negative','Which county in Hainan runs a night school for township officials?',[],[],[],None,None,True),
q('zh','negative','哪些地方对引进的高层次人才实行个人所得税返还？',[],[],[],None,None,True),
q('en','negative','How many officials did Guilin commend as model cadres last year?',[],[],[],None,None,True),
q('zh','negative','新疆生产建设兵团对援疆干部的职级晋升有什么规定？',[],[],[],None,None,True),
]
with open('gold.tsv','w') as f:
    f.write('doc\tregion\tincentive_type\tmeasure\tstatus\tevidence\n')
    for r in gold: f.write('\t'.join(r)+'\n')
with open('questions.jsonl','w') as f:
    for i,x in enumerate(qs,1):
        f.write(json.dumps(dict(id='p2q%02d'%i,**x),ensure_ascii=False)+'\n')
print(len(gold),len(qs))

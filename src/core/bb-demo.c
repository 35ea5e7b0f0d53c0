/* bb-demo.c
 *
 * Copyright 2026 The Bangban authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Demo data (DESIGN.md § Demo data): staff of every role, a catalogue of
 * real matters with their materials and time limits, the holiday calendar,
 * clients of every category with valid but fictitious ID numbers and
 * credit codes, and cases in every state with work logs, suspensions,
 * evaluations, complaints and consultations. The same seed gives the same
 * data (for the same day: BANGBAN_NOW).
 *
 * Everything up to BB_DEMO_WORKFLOW_CASES cases goes through the
 * repositories and the workflow, so every state is reached the real way.
 * To get there the demo plays the last twenty working days: it moves its
 * own thread's clock (bb_clock_set_thread_now) to each step's moment, then
 * puts it back. Cases beyond that — the benchmark's million —
 * come before them in time, loaded by bb-bulk over the preceding years.
 */

#define G_LOG_DOMAIN "bb-demo"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bb-bulk.h"
#include "bb-case-query.h"
#include "bb-case-repo.h"
#include "bb-catalogue-repo.h"
#include "bb-client-repo.h"
#include "bb-clock.h"
#include "bb-complaint-repo.h"
#include "bb-consultation-repo.h"
#include "bb-demo.h"
#include "bb-error.h"
#include "bb-holiday-repo.h"
#include "bb-staff-repo.h"
#include "bb-validate.h"
#include "bb-workflow.h"

/* Working days the workflow cases are played over, ending yesterday. */
#define WINDOW_DAYS 20
/* Clients added through the repository, for the workflow cases. */
#define REPO_CLIENTS 120
/* How often the progress callback is called, in cases. */
#define PROGRESS_EVERY 2000

/* Staff */

typedef struct
{
  const char *number;
  const char *name;
  BbRole      role;
  const char *posts;
  gboolean    can_sign_in;  /* has the demo password (hashing one takes ~0.2 s) */
} DemoStaff;

static const DemoStaff demo_staff[] = {
  { "1001", "王建军", BB_ROLE_ADMIN, "信息管理", TRUE },
  { "1002", "李秀梅", BB_ROLE_MANAGER, "中心管理", TRUE },
  { "1003", "赵国华", BB_ROLE_MANAGER, "投诉处理" },
  { "1004", "张志强", BB_ROLE_LEADER, "帮办代办服务队队长", TRUE },
  { "1005", "陈静", BB_ROLE_LEADER, "帮办代办服务队副队长" },
  { "1006", "刘洋", BB_ROLE_STAFF, "帮办代办服务区", TRUE },
  { "1007", "杨帆", BB_ROLE_STAFF, "帮办代办服务区", TRUE },
  { "1008", "黄丽娟", BB_ROLE_STAFF, "综合受理窗口" },
  { "1009", "周敏", BB_ROLE_STAFF, "综合受理窗口" },
  { "1010", "吴晓燕", BB_ROLE_STAFF, "网办区" },
  { "1011", "徐磊", BB_ROLE_STAFF, "帮办代办服务区" },
  { "1012", "孙倩", BB_ROLE_STAFF, "自助机服务区" },
  { "1013", "马超", BB_ROLE_STAFF, "帮办代办服务区" },
  { "1014", "朱婷", BB_ROLE_STAFF, "综合受理窗口" },
  { "1015", "胡斌", BB_ROLE_STAFF, "上门服务" },
  { "1016", "郭佳", BB_ROLE_STAFF, "帮办代办服务区" },
  { "1017", "何文涛", BB_ROLE_STAFF, "企业服务专区" },
  { "1018", "高雪", BB_ROLE_STAFF, "网办区" },
};

/* The catalogue */

typedef struct
{
  const char *name;
  const char *how_to_obtain;
} DemoMaterial;

typedef struct
{
  const char   *name;
  const char   *department;
  const char   *legal_basis;
  int           limit_days;
  const char   *process;
  const char   *fees;
  gboolean      online;
  gboolean      for_organisations;
  DemoMaterial  materials[7];
} DemoItem;

#define SELF "申请人自备"
#define FORM "窗口领取或政务服务网下载"

static const DemoItem demo_items[] = {
  { "企业设立登记", "市场监督管理局", "《中华人民共和国市场主体登记管理条例》", 3,
    "申请—受理—审核—决定—发照", "不收费", TRUE, TRUE,
    { { "公司登记（备案）申请书", FORM }, { "公司章程", SELF },
      { "股东的主体资格证明", SELF }, { "法定代表人、董事、监事和经理的任职文件", SELF },
      { "住所使用证明", "房屋产权证明或租赁合同" }, { "居民身份证原件及复印件", SELF } } },
  { "食品经营许可证核发", "市场监督管理局", "《食品经营许可和备案管理办法》", 10,
    "申请—受理—现场核查—审核—发证", "不收费", TRUE, TRUE,
    { { "食品经营许可申请书", FORM }, { "营业执照副本", SELF },
      { "主要设备设施布局、操作流程等文件", SELF },
      { "食品安全自查、从业人员健康管理等制度", SELF },
      { "法定代表人居民身份证复印件", SELF } } },
  { "建设工程规划许可证核发", "自然资源和规划局", "《中华人民共和国城乡规划法》第四十条", 20,
    "申请—受理—技术审查—公示—决定—发证", "不收费", FALSE, TRUE,
    { { "建设工程规划许可申请表", FORM }, { "建设项目批准、核准或备案文件", "发展改革部门" },
      { "使用土地的有关证明文件", "不动产登记中心" }, { "建设工程设计方案总平面图", "设计单位出具" },
      { "授权委托书", SELF } } },
  { "不动产转移登记", "不动产登记中心", "《不动产登记暂行条例》", 5,
    "申请—受理—审核—登簿—发证", "登记费80元", TRUE, FALSE,
    { { "不动产登记申请书", FORM }, { "申请人身份证明", SELF },
      { "不动产权属证书", SELF }, { "买卖合同", "房地产交易窗口" },
      { "完税凭证", "税务窗口" }, { "户口簿", "户籍所在地派出所" } } },
  { "社会保障卡申领", "人力资源和社会保障局", "《社会保障卡管理办法》", 5,
    "申请—采集信息—制卡—发卡", "首次申领免费", TRUE, FALSE,
    { { "居民身份证原件", SELF }, { "近期免冠证件照片", "照相馆或自助机拍摄" } } },
  { "城乡居民养老保险参保登记", "人力资源和社会保障局", "《中华人民共和国社会保险法》", 1,
    "申请—受理—登记", "不收费", TRUE, FALSE,
    { { "城乡居民基本养老保险参保登记表", FORM }, { "居民身份证原件及复印件", SELF },
      { "户口簿", "户籍所在地派出所" } } },
  { "残疾人证核发", "残疾人联合会", "《中华人民共和国残疾人证管理办法》", 15,
    "申请—评定—审核—发证", "不收费", FALSE, FALSE,
    { { "残疾人证申请表", FORM }, { "居民身份证原件及复印件", SELF },
      { "户口簿", "户籍所在地派出所" }, { "近期免冠证件照片", "照相馆或自助机拍摄" },
      { "残疾评定表", "指定评定医院" } } },
  { "高龄津贴申领", "民政局", "《陕西省实施〈中华人民共和国老年人权益保障法〉办法》", 10,
    "申请—社区初审—审核—发放", "不收费", FALSE, FALSE,
    { { "高龄津贴申请审批表", "社区居委会领取" }, { "居民身份证原件及复印件", SELF },
      { "户口簿", "户籍所在地派出所" }, { "本人银行卡", SELF } } },
  { "退役军人优待证申领", "退役军人事务局", "《中华人民共和国退役军人保障法》", 15,
    "申请—审核—制证—发证", "不收费", TRUE, FALSE,
    { { "退役军人优待证申请表", FORM }, { "居民身份证原件及复印件", SELF },
      { "退役证件", SELF }, { "近期免冠证件照片", "照相馆或自助机拍摄" } } },
  { "高层次人才认定", "人才服务中心", "《高层次人才认定和服务保障办法》", 20,
    "申请—初审—专家评审—公示—认定", "不收费", TRUE, FALSE,
    { { "高层次人才认定申请表", FORM }, { "居民身份证原件及复印件", SELF },
      { "学历学位证书", SELF }, { "劳动合同", "用人单位" },
      { "业绩成果证明材料", SELF }, { "授权委托书", SELF } } },
  { "住房公积金提取", "住房公积金管理中心", "《住房公积金管理条例》", 3,
    "申请—审核—划转", "不收费", TRUE, FALSE,
    { { "住房公积金提取申请书", FORM }, { "居民身份证原件及复印件", SELF },
      { "购房合同或租赁合同", SELF }, { "本人银行卡", SELF } } },
  { "个体工商户登记", "市场监督管理局", "《促进个体工商户发展条例》", 3,
    "申请—受理—核准—发照", "不收费", TRUE, FALSE,
    { { "个体工商户登记申请书", FORM }, { "经营者居民身份证原件及复印件", SELF },
      { "经营场所使用证明", "房屋产权证明或租赁合同" } } },
};

/* Public holidays and make-up working days (调休) as the State Council
 * published them for 2025 and 2026. */
static const char demo_holidays[] =
  "date,kind,name\n"
  "2025-01-01,holiday,元旦\n"
  "2025-01-26,workday,春节调休\n"
  "2025-01-28,holiday,春节\n2025-01-29,holiday,春节\n2025-01-30,holiday,春节\n"
  "2025-01-31,holiday,春节\n2025-02-03,holiday,春节\n2025-02-04,holiday,春节\n"
  "2025-02-08,workday,春节调休\n"
  "2025-04-04,holiday,清明节\n"
  "2025-04-27,workday,劳动节调休\n"
  "2025-05-01,holiday,劳动节\n2025-05-02,holiday,劳动节\n2025-05-05,holiday,劳动节\n"
  "2025-06-02,holiday,端午节\n"
  "2025-09-28,workday,国庆节调休\n"
  "2025-10-01,holiday,国庆节、中秋节\n2025-10-02,holiday,国庆节、中秋节\n"
  "2025-10-03,holiday,国庆节、中秋节\n2025-10-06,holiday,国庆节、中秋节\n"
  "2025-10-07,holiday,国庆节、中秋节\n2025-10-08,holiday,国庆节、中秋节\n"
  "2025-10-11,workday,国庆节调休\n"
  "2026-01-01,holiday,元旦\n2026-01-02,holiday,元旦\n"
  "2026-01-04,workday,元旦调休\n"
  "2026-02-14,workday,春节调休\n"
  "2026-02-16,holiday,春节\n2026-02-17,holiday,春节\n2026-02-18,holiday,春节\n"
  "2026-02-19,holiday,春节\n2026-02-20,holiday,春节\n2026-02-23,holiday,春节\n"
  "2026-02-28,workday,春节调休\n"
  "2026-04-06,holiday,清明节\n"
  "2026-05-01,holiday,劳动节\n2026-05-04,holiday,劳动节\n2026-05-05,holiday,劳动节\n"
  "2026-05-09,workday,劳动节调休\n"
  "2026-06-19,holiday,端午节\n"
  "2026-09-20,workday,国庆节调休\n"
  "2026-09-25,holiday,中秋节\n"
  "2026-10-01,holiday,国庆节\n2026-10-02,holiday,国庆节\n2026-10-05,holiday,国庆节\n"
  "2026-10-06,holiday,国庆节\n2026-10-07,holiday,国庆节\n"
  "2026-10-10,workday,国庆节调休\n";

/* Clients */

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
  "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
  "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹",
  "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵",
  "欧阳", "司马", "诸葛",
};

static const char * const given_chars[] = {
  "伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
  "娟", "涛", "明", "超", "兰", "霞", "平", "刚", "桂", "华", "玉", "萍", "红", "玲", "芬",
  "燕", "彬", "鹏", "辉", "国", "建", "志", "文", "博", "浩", "然", "子", "涵", "欣", "怡",
  "雨", "轩", "梓", "萱", "思", "远", "宇", "航", "晓", "东", "海", "春", "梅", "庆", "瑞",
  "琳", "佳", "嘉", "琪", "婷", "雪", "晨", "阳", "凯", "鑫", "俊", "宏", "斌", "利", "亮",
};

static const char * const org_places[] = { "西安", "陕西", "长安", "秦川", "曲江", "高新", "雁塔", "未央" };
static const char * const org_names[] = {
  "智造", "丝路", "华晨", "鼎盛", "恒信", "启航", "博远", "汇通", "瑞丰", "天润", "云帆", "嘉禾",
  "中科", "润泽", "长青", "锦程", "安达", "宏图", "晟泰", "青禾",
};
static const char * const org_trades[] = {
  "科技有限公司", "餐饮管理有限公司", "建设工程有限公司", "商贸有限公司", "文化传媒有限公司",
  "物流有限公司", "生物医药有限公司", "新材料有限公司", "农业发展有限公司", "软件有限公司",
};

/* Xi'an districts and counties: ID number and credit code region codes. */
static const char * const regions[] = {
  "610102", "610103", "610104", "610111", "610112", "610113", "610114", "610115", "610116",
  "610117", "610118", "610122", "610124",
};
static const char * const region_names[] = {
  "新城区", "碑林区", "莲湖区", "灞桥区", "未央区", "雁塔区", "阎良区", "临潼区", "长安区",
  "高陵区", "鄠邑区", "蓝田县", "周至县",
};
static const char * const streets[] = {
  "长安路", "科技路", "太白南路", "凤城八路", "含光路", "南二环西段", "朱雀大街", "文景路",
  "雁塔北路", "丈八东路", "友谊西路", "东大街",
};

/* What people say in a hall. */

static const char * const reasons[] = {
  "申请人年事已高，行动不便，需全程陪同办理",
  "企业首次办理，不熟悉办事流程",
  "省市重点项目，申请全程代办",
  "申请人为残疾人，需要帮办服务",
  "退役军人，走绿色通道优先办理",
  "材料较多，需帮办人员指导准备",
  "申请人长期在外地，委托代办",
  "高层次人才，享受专人代办服务",
  "孕期不便久候，申请帮办",
  "投诉事项转办，特事特办",
};

static const char * const log_texts[] = {
  "已电话联系申请人，告知需补充的材料及获取方式",
  "材料已核验无误，已递交至部门窗口",
  "陪同申请人在自助机完成网上申报",
  "申请人要求加急办理，已与部门沟通",
  "已到部门现场跟进审批进度",
  "部门反馈材料需要补正，已一次性告知申请人",
  "申请人补交了营业执照副本复印件",
  "已为申请人预约下周二上门服务",
  "审批系统临时故障，已登记并约定次日办理",
  "已协调部门开通绿色通道优先审核",
  "申请人对办理进度表示满意",
  "与申请人核对了证照信息，无误",
};

static const char * const problem_texts[] = {
  "授权委托书缺少受托人签字，已退回补签",
  "不动产权属证书信息与登记簿不一致，已协调登记中心核查",
  "申请人户籍信息变更，需派出所出具证明",
  "部门要求现场核查，需另行预约时间",
  "缴费系统故障，费用暂未缴纳",
};

static const char * const report_texts[] = {
  "进度报告：材料已受理，部门审核中，预计三个工作日内办结",
  "进度报告：现场核查已完成，等待审批结果",
  "进度报告：审批已通过，正在制证",
  "进度报告：已完成公示，等待最终决定",
};

static const char * const results[] = {
  "已办结，取得相关证照",
  "审批通过，证照已制作完成",
  "已完成登记，结果已推送至申请人",
  "已办结，款项已划转至申请人账户",
};

static const char * const deliveries[] = { "窗口领取", "邮寄送达", "上门送达", "电子证照推送" };

static const char * const refusals[] = {
  "所申请事项不属于本中心代办范围，已告知申请人办理途径",
  "申请人无法提供必要的授权委托书",
  "申请事项存在权属争议，暂不予受理",
};

static const char * const evaluation_comments[] = {
  "服务热情周到，全程帮办，非常感谢",
  "办事效率高，少跑了好几趟",
  "工作人员耐心细致",
  "等待时间有点长",
  "材料要求没有一次讲清楚，多跑了一趟",
};

static const char * const follow_ups[] = {
  "电话回访，申请人对服务表示满意",
  "回访确认证照已正常使用",
  "回访了解到申请人还需办理相关事项，已告知办理流程",
};

static const char * const consultation_contents[] = {
  "咨询企业设立登记需要准备哪些材料",
  "咨询社会保障卡丢失后如何补办",
  "咨询高龄津贴的申领条件",
  "咨询住房公积金提取的到账时间",
  "咨询不动产转移登记的税费标准",
  "咨询退役军人优待证的办理地点",
  "咨询个体工商户能否网上办理登记",
};

static const char * const consultation_results[] = {
  "已当场解答并发放一次性告知单",
  "已告知办理条件及所需材料",
  "已指导其在政务服务网上自行办理",
  "已告知到对应部门窗口办理",
};

static const char * const complaint_texts[] = {
  "反映窗口工作人员解释政策不够清楚，多跑了一趟",
  "反映办理时限超过承诺时间",
  "反映等候时间过长",
  "反映上门服务预约后未按时到达",
};

/* Cases */

typedef struct
{
  gint64  id;
  char   *name;
  char   *kind;
  char   *id_number;
  char   *credit_code;
  char   *phone;
  char   *category;
} DemoClient;

typedef struct
{
  gint64  id;
  char   *name;
  char   *department;
  int     limit_days;
  GStrv   materials;
  gboolean for_organisations;
} DemoItemRef;

/* The workflow paths a played case follows. */
typedef enum
{
  PATH_ASSIST_CONSULTATION,
  PATH_ASSIST_APPLIED,
  PATH_ASSIST_ROUTED,
  PATH_ASSIST_HANDLING,
  PATH_ASSIST_COMPLETED,
  PATH_ASSIST_DELIVERED,
  PATH_ASSIST_ARCHIVED,
  PATH_ASSIST_CONVERTED,
  PATH_PROXY_CONSULTATION,
  PATH_PROXY_ANALYSED,
  PATH_PROXY_HANDLING,
  PATH_PROXY_OVERDUE,
  PATH_PROXY_DUE_SOON,
  PATH_PROXY_REASSIGNED,
  PATH_PROXY_SUSPENDED,
  PATH_PROXY_RESUMED,
  PATH_PROXY_TERMINATED,
  PATH_PROXY_REFUSED,
  PATH_PROXY_COMPLETED,
  PATH_PROXY_DELIVERED,
  PATH_PROXY_CONFIRMED,
  PATH_PROXY_DISPUTED,
  PATH_PROXY_ARCHIVED,
  PATH_PROXY_BAD_REVIEW,
  N_PATHS
} Path;

/* The first ones reach every state, so that a small demo has them all. */
static const Path first_paths[] = {
  PATH_PROXY_CONSULTATION, PATH_ASSIST_APPLIED, PATH_ASSIST_ROUTED, PATH_PROXY_ANALYSED,
  PATH_PROXY_HANDLING, PATH_PROXY_SUSPENDED, PATH_PROXY_COMPLETED, PATH_ASSIST_DELIVERED,
  PATH_PROXY_CONFIRMED, PATH_PROXY_ARCHIVED, PATH_PROXY_REFUSED, PATH_PROXY_TERMINATED,
  PATH_ASSIST_CONVERTED, PATH_PROXY_OVERDUE, PATH_PROXY_DUE_SOON, PATH_ASSIST_HANDLING,
  PATH_PROXY_BAD_REVIEW, PATH_PROXY_DISPUTED, PATH_PROXY_RESUMED, PATH_PROXY_REASSIGNED,
};

/* Then each path this often (relative weights). */
static const guint path_weights[N_PATHS] = {
  [PATH_ASSIST_CONSULTATION] = 3, [PATH_ASSIST_APPLIED] = 3, [PATH_ASSIST_ROUTED] = 3,
  [PATH_ASSIST_HANDLING] = 6, [PATH_ASSIST_COMPLETED] = 3, [PATH_ASSIST_DELIVERED] = 4,
  [PATH_ASSIST_ARCHIVED] = 6, [PATH_ASSIST_CONVERTED] = 2, [PATH_PROXY_CONSULTATION] = 3,
  [PATH_PROXY_ANALYSED] = 4, [PATH_PROXY_HANDLING] = 12, [PATH_PROXY_OVERDUE] = 3,
  [PATH_PROXY_DUE_SOON] = 3, [PATH_PROXY_REASSIGNED] = 2, [PATH_PROXY_SUSPENDED] = 3,
  [PATH_PROXY_RESUMED] = 2, [PATH_PROXY_TERMINATED] = 2, [PATH_PROXY_REFUSED] = 2,
  [PATH_PROXY_COMPLETED] = 3, [PATH_PROXY_DELIVERED] = 3, [PATH_PROXY_CONFIRMED] = 4,
  [PATH_PROXY_DISPUTED] = 1, [PATH_PROXY_ARCHIVED] = 6, [PATH_PROXY_BAD_REVIEW] = 2,
};

/* One step of a played case: an action on a working day of the window. */
typedef struct
{
  BbAction action;     /* BB_N_ACTIONS: create the case */
  guint    day;        /* index into the window's working days */
  gint64   at;         /* when, µs */
  guint    variant;    /* a detail of the step (which limit, which level…) */
} Step;

typedef struct
{
  Path        path;
  BbCaseKind  kind;
  DemoClient *client;
  DemoItemRef *item;
  BbActor    *owner;     /* creates the case, handles it */
  BbActor    *leader;    /* accepts, refuses, reassigns */
  BbActor    *second;    /* takes over on reassignment */
  GArray     *steps;     /* Step */
  char       *number;
} Played;

typedef struct
{
  gint64   at;
  Played  *played;
  guint    step;
} Scheduled;

typedef struct
{
  BbDatabase         *db;
  GRand              *rand;
  BbDemoSummary      *summary;
  BbDemoProgressFunc  progress;
  gpointer            progress_data;
  GCancellable       *cancellable;

  BbActor            *admin;
  BbActor            *manager;
  GPtrArray          *leaders;       /* BbActor */
  GPtrArray          *staff;         /* BbActor, role staff */
  GPtrArray          *items;         /* DemoItemRef */
  GPtrArray          *clients;       /* DemoClient: repository ones first */
  guint               n_repo_clients;
  GHashTable         *used_codes;    /* ID numbers and credit codes handed out */

  BbCalendar         *calendar;
  GTimeZone          *tz;
  gint64              now;
  GDate               today;
  GDate               window[WINDOW_DAYS];

  gboolean            clock_moved;
  guint64             n_total;
  guint64             n_done;
} Demo;

static void
demo_client_free (DemoClient *client)
{
  g_free (client->name);
  g_free (client->kind);
  g_free (client->id_number);
  g_free (client->credit_code);
  g_free (client->phone);
  g_free (client->category);
  g_free (client);
}

static void
demo_item_ref_free (DemoItemRef *item)
{
  g_free (item->name);
  g_free (item->department);
  g_strfreev (item->materials);
  g_free (item);
}

static void
played_free (Played *played)
{
  g_clear_pointer (&played->steps, g_array_unref);
  g_free (played->number);
  g_free (played);
}

/* Helpers */

static const char *
pick (Demo               *demo,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (demo->rand, 0, (gint32) n)];
}

#define PICK(demo, list) pick ((demo), (list), G_N_ELEMENTS (list))

static gboolean
chance (Demo   *demo,
        double  probability)
{
  return g_rand_double (demo->rand) < probability;
}

/* An index into @weights, drawn in proportion to them. */
static guint
weighted (Demo        *demo,
          const guint *weights,
          guint        n)
{
  guint total = 0;
  guint32 r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  g_assert (total > 0);
  r = (guint32) g_rand_int_range (demo->rand, 0, (gint32) total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

static gint64
local_instant (Demo        *demo,
               const GDate *date,
               int          minutes)
{
  g_autoptr(GDateTime) when = g_date_time_new (demo->tz, g_date_get_year (date),
                                               g_date_get_month (date), g_date_get_day (date),
                                               minutes / 60, minutes % 60, 0);

  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

static void
local_date (Demo   *demo,
            gint64  usec,
            GDate  *out)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, demo->tz);
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* The clock: the demo moves its own thread's clock (bb_clock_set_thread_now)
 * to each step's instant; other threads keep the common clock. */
static void
set_clock (Demo   *demo,
           gint64  usec)
{
  demo->clock_moved = TRUE;
  bb_clock_set_thread_now (usec);
}

static void
restore_clock (Demo *demo)
{
  if (!demo->clock_moved)
    return;
  bb_clock_set_thread_now (0);
  demo->clock_moved = FALSE;
}

static void
report_progress (Demo *demo)
{
  if (demo->progress != NULL)
    demo->progress (demo->n_done, demo->n_total, demo->progress_data);
}

static BbActor *
pick_actor (Demo      *demo,
            GPtrArray *actors)
{
  return g_ptr_array_index (actors, g_rand_int_range (demo->rand, 0, (gint32) actors->len));
}

/* Staff, holidays, catalogue */

static gboolean
seed_staff (Demo           *demo,
            const BbActor  *actor,
            GError        **error)
{
  g_autoptr(BbActor) current = bb_actor_copy (actor);

  for (guint i = 0; i < G_N_ELEMENTS (demo_staff); i++)
    {
      const DemoStaff *s = &demo_staff[i];
      g_autoptr(BbStaff) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *phone = g_strdup_printf ("1390291%04u", 1000 + i * 37);
      BbActor *person;
      gint64 id;

      existing = bb_staff_repo_find_by_number (demo->db, s->number, &local_error);
      if (existing != NULL)
        id = existing->id;
      else if (!g_error_matches (local_error, BB_ERROR, BB_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      else
        {
          id = bb_staff_repo_add (demo->db, current, s->number, s->name, s->role, phone, s->posts,
                                  s->can_sign_in ? BB_DEMO_PASSWORD : NULL, error);
          if (id <= 0)
            return FALSE;
          demo->summary->n_staff++;
        }

      person = bb_actor_new (id, s->number, s->name, existing != NULL ? existing->role : s->role);
      /* After the bootstrap the new administrator adds the others. */
      if (current->staff_id == 0 && person->role == BB_ROLE_ADMIN)
        {
          bb_actor_free (current);
          current = bb_actor_copy (person);
        }

      switch (person->role)
        {
        case BB_ROLE_ADMIN:
          if (demo->admin == NULL)
            demo->admin = bb_actor_copy (person);
          bb_actor_free (person);
          break;
        case BB_ROLE_MANAGER:
          if (demo->manager == NULL)
            demo->manager = bb_actor_copy (person);
          bb_actor_free (person);
          break;
        case BB_ROLE_LEADER:
          g_ptr_array_add (demo->leaders, person);
          break;
        case BB_ROLE_STAFF:
        default:
          g_ptr_array_add (demo->staff, person);
          break;
        }
    }

  if (demo->admin == NULL)
    demo->admin = bb_actor_copy (current);
  if (demo->manager == NULL || demo->leaders->len == 0 || demo->staff->len == 0)
    {
      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                   _("The demo staff numbers 1001 to 1018 are taken by other accounts"));
      return FALSE;
    }
  g_free (demo->summary->admin_number);
  demo->summary->admin_number = g_strdup (demo->admin->number);
  return TRUE;
}

static gboolean
seed_catalogue (Demo    *demo,
                GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_items); i++)
    {
      const DemoItem *d = &demo_items[i];
      g_autoptr(BbCatalogueItem) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      DemoItemRef *ref = g_new0 (DemoItemRef, 1);

      for (guint m = 0; m < G_N_ELEMENTS (d->materials) && d->materials[m].name != NULL; m++)
        g_strv_builder_add (names, d->materials[m].name);
      ref->name = g_strdup (d->name);
      ref->department = g_strdup (d->department);
      ref->limit_days = d->limit_days;
      ref->materials = g_strv_builder_end (names);
      ref->for_organisations = d->for_organisations;
      g_ptr_array_add (demo->items, ref);

      existing = bb_catalogue_repo_find_by_name (demo->db, d->name, &local_error);
      if (existing != NULL)
        {
          ref->id = existing->id;
          ref->limit_days = existing->limit_days;
          continue;
        }
      if (!g_error_matches (local_error, BB_ERROR, BB_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      {
        g_autoptr(BbCatalogueItem) draft = bb_catalogue_item_new ();

        draft->name = g_strdup (d->name);
        draft->department = g_strdup (d->department);
        draft->legal_basis = g_strdup (d->legal_basis);
        draft->limit_days = d->limit_days;
        draft->process = g_strdup (d->process);
        draft->fees = g_strdup (d->fees);
        draft->online = d->online;
        draft->active = TRUE;
        for (guint m = 0; m < G_N_ELEMENTS (d->materials) && d->materials[m].name != NULL; m++)
          {
            const char *name = d->materials[m].name;
            BbMaterialForm form = g_str_has_suffix (name, "原件及复印件") ? BB_MATERIAL_ORIGINAL_AND_COPY
                                  : g_str_has_suffix (name, "复印件") ? BB_MATERIAL_COPY
                                  : BB_MATERIAL_ORIGINAL;

            g_ptr_array_add (draft->materials,
                             bb_material_new (name, form, 1, d->materials[m].how_to_obtain));
          }
        ref->id = bb_catalogue_repo_add (demo->db, demo->admin, draft, error);
        if (ref->id <= 0)
          return FALSE;
        demo->summary->n_items++;
      }
    }
  return TRUE;
}

/* Clients */

static char *
make_id_number (Demo *demo)
{
  for (;;)
    {
      guint region = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (regions));
      GDate birth;
      char first17[18];
      char *number;

      g_date_clear (&birth, 1);
      g_date_set_dmy (&birth, 1, 1, 1940);
      g_date_add_days (&birth, g_rand_int_range (demo->rand, 0, 365 * 66));
      g_snprintf (first17, sizeof first17, "%s%04d%02d%02d%03d", regions[region],
                  g_date_get_year (&birth), g_date_get_month (&birth), g_date_get_day (&birth),
                  g_rand_int_range (demo->rand, 0, 1000));
      number = g_strdup_printf ("%s%c", first17, bb_id_number_check_digit (first17));
      if (g_hash_table_add (demo->used_codes, number))
        return g_strdup (number);
    }
}

static char *
make_credit_code (Demo *demo)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  for (;;)
    {
      char first17[18];
      char *code;

      g_snprintf (first17, sizeof first17, "91%s", regions[g_rand_int_range (demo->rand, 0,
                                                                               G_N_ELEMENTS (regions))]);
      for (guint i = 8; i < 17; i++)
        first17[i] = alphabet[g_rand_int_range (demo->rand, 0, sizeof alphabet - 1)];
      first17[17] = '\0';
      code = g_strdup_printf ("%s%c", first17, bb_credit_code_check_char (first17));
      if (g_hash_table_add (demo->used_codes, code))
        return g_strdup (code);
    }
}

static char *
make_phone (Demo *demo)
{
  static const char * const prefixes[] = { "135", "136", "138", "139", "150", "153", "177", "180",
                                            "186", "189", "191", "199" };

  return g_strdup_printf ("%s%08d", PICK (demo, prefixes),
                          g_rand_int_range (demo->rand, 0, 100000000));
}

/* A fictitious client; categories in rough proportion to a hall's. */
static BbClient *
make_client (Demo   *demo,
             gint64  created_at,
             guint   index)
{
  static const char * const person_categories[] = {
    BB_CATEGORY_OTHER, BB_CATEGORY_OTHER, BB_CATEGORY_OTHER, BB_CATEGORY_OTHER,
    BB_CATEGORY_OTHER, BB_CATEGORY_OTHER, BB_CATEGORY_SPECIAL_CARE, BB_CATEGORY_SPECIAL_CARE,
    BB_CATEGORY_MILITARY, BB_CATEGORY_TALENT, BB_CATEGORY_INSPECTION, BB_CATEGORY_COMPLAINT,
  };
  static const char * const org_categories[] = {
    BB_CATEGORY_KEY_ENTERPRISE, BB_CATEGORY_KEY_ENTERPRISE, BB_CATEGORY_OTHER,
    BB_CATEGORY_OTHER, BB_CATEGORY_INSPECTION, BB_CATEGORY_COMPLAINT,
  };
  BbClient *client = bb_client_new ();
  guint region = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (regions));
  /* The first clients take every category in turn, so that even a small
   * demo has them all. */
  static const char * const in_turn[] = {
    BB_CATEGORY_MILITARY, BB_CATEGORY_SPECIAL_CARE, BB_CATEGORY_TALENT, BB_CATEGORY_KEY_ENTERPRISE,
    BB_CATEGORY_INSPECTION, BB_CATEGORY_COMPLAINT, BB_CATEGORY_OTHER,
  };
  const char *category = index < G_N_ELEMENTS (in_turn) ? in_turn[index] : NULL;
  gboolean organisation = category != NULL ? g_strcmp0 (category, BB_CATEGORY_KEY_ENTERPRISE) == 0
                                           : chance (demo, 0.15);

  client->created_at = created_at;
  client->address = g_strdup_printf ("西安市%s%s%d号", region_names[region], PICK (demo, streets),
                                     g_rand_int_range (demo->rand, 1, 400));
  client->phone = make_phone (demo);

  if (organisation)
    {
      client->kind = g_strdup (BB_CLIENT_ORGANISATION);
      client->name = g_strdup_printf ("%s%s%s", PICK (demo, org_places), PICK (demo, org_names),
                                      PICK (demo, org_trades));
      client->credit_code = make_credit_code (demo);
      client->category = g_strdup (category != NULL ? category : PICK (demo, org_categories));
    }
  else
    {
      const char *given1 = PICK (demo, given_chars);

      client->kind = g_strdup (BB_CLIENT_PERSON);
      if (chance (demo, 0.6))
        client->name = g_strdup_printf ("%s%s%s", PICK (demo, surnames), given1,
                                        PICK (demo, given_chars));
      else
        client->name = g_strdup_printf ("%s%s", PICK (demo, surnames), given1);
      client->id_number = make_id_number (demo);
      client->category = g_strdup (category != NULL ? category : PICK (demo, person_categories));
      if (g_strcmp0 (client->category, BB_CATEGORY_TALENT) == 0)
        client->talent_card = g_strdup_printf ("SQYC%04d%06d", 2020 + g_rand_int_range (demo->rand, 0, 6),
                                               g_rand_int_range (demo->rand, 0, 1000000));
    }
  return client;
}

static DemoClient *
remember_client (Demo           *demo,
                 const BbClient *client,
                 gint64          id)
{
  DemoClient *ref = g_new0 (DemoClient, 1);

  ref->id = id;
  ref->name = g_strdup (client->name);
  ref->kind = g_strdup (client->kind);
  ref->id_number = g_strdup (client->id_number);
  ref->credit_code = g_strdup (client->credit_code);
  ref->phone = g_strdup (client->phone);
  ref->category = g_strdup (client->category);
  g_ptr_array_add (demo->clients, ref);
  demo->summary->n_clients++;
  return ref;
}

static gboolean
seed_repo_clients (Demo    *demo,
                   guint    n,
                   gint64   at,
                   GError **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BbClient) client = make_client (demo, at, i);
      gint64 id;

      set_clock (demo, at + i * 60 * G_USEC_PER_SEC);
      id = bb_client_repo_add (demo->db, pick_actor (demo, demo->staff), client, error);
      if (id <= 0)
        return FALSE;
      remember_client (demo, client, id);
    }
  demo->n_repo_clients = demo->clients->len;
  return TRUE;
}

/* Bulk: the years before the window */

typedef struct
{
  BbBulkEvent events[16];
  guint       n;
  gint64      at;
  gint64      limit;   /* no event after this instant */
} Timeline;

static void
timeline_add (Timeline    *timeline,
              Demo        *demo,
              gint64       gap_max,
              gint64       staff_id,
              const char  *kind,
              const char  *from,
              const char  *to,
              const char  *body)
{
  BbBulkEvent *event;
  gint64 gap = gap_max > 0 ? (gint64) (g_rand_double (demo->rand) * gap_max) + 60 * G_USEC_PER_SEC
                           : 60 * G_USEC_PER_SEC;

  g_assert (timeline->n < G_N_ELEMENTS (timeline->events));
  timeline->at = MIN (timeline->at + gap, timeline->limit);
  event = &timeline->events[timeline->n++];
  event->at = timeline->at;
  event->staff_id = staff_id;
  event->kind = kind;
  event->from_state = from;
  event->to_state = to;
  event->body = body;
}

/* State shares of old and recent cases, per kind. */
static const guint assist_old[BB_N_STATES] = {
  [BB_STATE_CONSULTATION] = 2, [BB_STATE_APPLIED] = 1, [BB_STATE_ROUTED] = 1,
  [BB_STATE_HANDLING] = 1, [BB_STATE_COMPLETED] = 2, [BB_STATE_DELIVERED] = 6,
  [BB_STATE_ARCHIVED] = 79, [BB_STATE_CONVERTED] = 8,
};
static const guint assist_recent[BB_N_STATES] = {
  [BB_STATE_CONSULTATION] = 10, [BB_STATE_APPLIED] = 8, [BB_STATE_ROUTED] = 8,
  [BB_STATE_HANDLING] = 25, [BB_STATE_COMPLETED] = 12, [BB_STATE_DELIVERED] = 15,
  [BB_STATE_ARCHIVED] = 17, [BB_STATE_CONVERTED] = 5,
};
static const guint proxy_old[BB_N_STATES] = {
  [BB_STATE_CONSULTATION] = 1, [BB_STATE_HANDLING] = 1, [BB_STATE_COMPLETED] = 2,
  [BB_STATE_DELIVERED] = 3, [BB_STATE_CONFIRMED] = 8, [BB_STATE_ARCHIVED] = 75,
  [BB_STATE_REFUSED] = 6, [BB_STATE_TERMINATED] = 4,
};
static const guint proxy_recent[BB_N_STATES] = {
  [BB_STATE_CONSULTATION] = 8, [BB_STATE_ANALYSED] = 10, [BB_STATE_HANDLING] = 35,
  [BB_STATE_SUSPENDED] = 6, [BB_STATE_COMPLETED] = 8, [BB_STATE_DELIVERED] = 8,
  [BB_STATE_CONFIRMED] = 10, [BB_STATE_ARCHIVED] = 8, [BB_STATE_REFUSED] = 5,
  [BB_STATE_TERMINATED] = 2,
};

/* Where a state lies on its kind's main path, for building the timeline. */
static gboolean
reaches (BbCaseState final,
         BbCaseState step)
{
  static const BbCaseState order[] = {
    BB_STATE_CONSULTATION, BB_STATE_APPLIED, BB_STATE_ROUTED, BB_STATE_ANALYSED,
    BB_STATE_HANDLING, BB_STATE_COMPLETED, BB_STATE_DELIVERED, BB_STATE_CONFIRMED,
    BB_STATE_ARCHIVED,
  };
  int f = -1, s = -1;

  if (final == BB_STATE_SUSPENDED || final == BB_STATE_TERMINATED)
    final = BB_STATE_HANDLING;
  else if (final == BB_STATE_REFUSED)
    final = BB_STATE_ANALYSED;
  else if (final == BB_STATE_CONVERTED)
    final = BB_STATE_ROUTED;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (order[i] == final)
        f = (int) i;
      if (order[i] == step)
        s = (int) i;
    }
  return s >= 0 && s <= f;
}

static gboolean
bulk_case (Demo     *demo,
           BbBulk   *bulk,
           guint64   index,
           guint64   n_bulk,
           gint64    history_start,
           gint64    history_end,
           GError  **error)
{
  static const char * const suspend_reasons[] = { "materials", "fees", "client", "force-majeure" };
  static const char * const modes[] = { "hall", "hall", "hall", "window", "window", "online" };
  static const char * const channels[] = { "onsite", "onsite", "onsite", "onsite", "phone",
                                           "online", "email" };
  static const char * const areas[] = { "assist", "assist", "online", "self_service" };
  const gint64 day = G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC;
  BbBulkCase kase = { 0 };
  Timeline timeline = { 0 };
  DemoClient *client;
  DemoItemRef *item;
  BbActor *owner = pick_actor (demo, demo->staff);
  BbActor *leader = pick_actor (demo, demo->leaders);
  g_autofree char *deadline = NULL;
  g_autofree char *resume_by = NULL;
  g_autofree char *suspended_on = NULL;
  g_autofree char *archive_number = NULL;
  gint64 applied_at;
  gint64 age_days;
  BbCaseState state;
  BbCaseKind kind;

  /* Applications spread evenly over the history, in order. */
  applied_at = history_start + (gint64) ((double) (history_end - history_start) * index / n_bulk);
  applied_at += (gint64) (g_rand_double (demo->rand) * 3600) * G_USEC_PER_SEC;
  applied_at = MIN (applied_at, history_end);
  age_days = (demo->now - applied_at) / day;

  client = g_ptr_array_index (demo->clients,
                              demo->n_repo_clients +
                              g_rand_int_range (demo->rand, 0,
                                                (gint32) (demo->clients->len - demo->n_repo_clients)));
  item = g_ptr_array_index (demo->items, g_rand_int_range (demo->rand, 0, (gint32) demo->items->len));
  kind = chance (demo, 0.55) ? BB_CASE_PROXY : BB_CASE_ASSIST;
  if (kind == BB_CASE_ASSIST)
    state = (BbCaseState) weighted (demo, age_days > 60 ? assist_old : assist_recent, BB_N_STATES);
  else
    state = (BbCaseState) weighted (demo, age_days > 60 ? proxy_old : proxy_recent, BB_N_STATES);

  kase.kind = kind;
  kase.state = state;
  kase.client_id = client->id;
  kase.item_id = item->id;
  kase.matter = item->name;
  kase.reason = PICK (demo, reasons);
  kase.mode = PICK (demo, modes);
  kase.channel = PICK (demo, channels);
  kase.priority = g_strcmp0 (client->category, BB_CATEGORY_MILITARY) == 0 ? 1 : 0;
  kase.applied_at = applied_at;
  kase.created_by = owner->staff_id;
  kase.client_name = client->name;
  kase.client_id_number = client->id_number;
  kase.client_credit_code = client->credit_code;
  kase.client_phone = client->phone;

  /* The timeline, each step a few hours to two days after the last. */
  timeline.at = applied_at;
  timeline.limit = MIN (demo->now - G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC,
                        applied_at + MAX (age_days - 1, 0) * day + 8 * G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC);
  timeline.events[0].at = applied_at;
  timeline.events[0].staff_id = owner->staff_id;
  timeline.events[0].kind = "create";
  timeline.events[0].to_state = "consultation";
  timeline.events[0].body = kase.reason;
  timeline.n = 1;

  if (kind == BB_CASE_ASSIST)
    {
      kase.responsible_id = owner->staff_id;
      if (reaches (state, BB_STATE_APPLIED))
        timeline_add (&timeline, demo, day / 4, owner->staff_id, "apply", "consultation",
                      "applied", NULL);
      if (reaches (state, BB_STATE_ROUTED))
        {
          kase.area = PICK (demo, areas);
          timeline_add (&timeline, demo, day / 4, owner->staff_id, "route", "applied", "routed",
                        NULL);
        }
      if (state == BB_STATE_CONVERTED)
        timeline_add (&timeline, demo, day / 2, owner->staff_id, "convert", "routed",
                      "converted", NULL);
      if (reaches (state, BB_STATE_HANDLING))
        {
          timeline_add (&timeline, demo, day / 4, owner->staff_id, "materials", "routed",
                        "handling", NULL);
          if (chance (demo, 0.5))
            timeline_add (&timeline, demo, day / 2, owner->staff_id, "log", NULL, NULL,
                          PICK (demo, log_texts));
        }
    }
  else
    {
      if (reaches (state, BB_STATE_ANALYSED))
        timeline_add (&timeline, demo, day, owner->staff_id, "analyse", "consultation",
                      "analysed", NULL);
      if (state == BB_STATE_REFUSED)
        {
          kase.refusal_reason = PICK (demo, refusals);
          timeline_add (&timeline, demo, day, leader->staff_id, "refuse", "analysed", "refused",
                        kase.refusal_reason);
        }
      if (reaches (state, BB_STATE_HANDLING))
        {
          GDate accepted, due;

          timeline_add (&timeline, demo, day, leader->staff_id, "accept", "analysed", "handling",
                        NULL);
          kase.responsible_id = owner->staff_id;
          kase.handler_id = owner->staff_id;
          kase.accepted_by = leader->staff_id;
          kase.accepted_at = timeline.at;
          kase.limit_days = item->limit_days;
          local_date (demo, kase.accepted_at, &accepted);
          bb_calendar_deadline (demo->calendar, &accepted, (guint) item->limit_days, NULL, 0, &due);
          deadline = bb_date_to_iso (&due);
          kase.deadline = deadline;

          for (guint i = g_rand_int_range (demo->rand, 0, 4); i > 0; i--)
            timeline_add (&timeline, demo, day, owner->staff_id, "log", NULL, NULL,
                          PICK (demo, log_texts));
          if (chance (demo, 0.3))
            timeline_add (&timeline, demo, day, owner->staff_id, "report", NULL, NULL,
                          PICK (demo, report_texts));
          if (chance (demo, 0.1))
            timeline_add (&timeline, demo, day, owner->staff_id, "problem", NULL, NULL,
                          PICK (demo, problem_texts));
        }
      if (state == BB_STATE_SUSPENDED || state == BB_STATE_TERMINATED)
        {
          GDate on, by;

          timeline_add (&timeline, demo, day, owner->staff_id, "suspend", "handling", "suspended",
                        NULL);
          local_date (demo, timeline.at, &on);
          suspended_on = bb_date_to_iso (&on);
          if (state == BB_STATE_SUSPENDED)
            {
              by = demo->today;
              g_date_add_days (&by, g_rand_int_range (demo->rand, 3, 30));
            }
          else
            {
              by = on;
              g_date_add_days (&by, 10);
              if (g_date_compare (&by, &demo->today) >= 0)
                {
                  by = demo->today;
                  g_date_subtract_days (&by, 1);
                }
            }
          resume_by = bb_date_to_iso (&by);
          kase.resume_by = resume_by;
          kase.suspension_reason = PICK (demo, suspend_reasons);
          kase.suspended_on = suspended_on;
          if (state == BB_STATE_TERMINATED)
            {
              kase.suspension_terminated = TRUE;
              timeline_add (&timeline, demo, 12 * day, 0, "terminate", "suspended", "terminated",
                            NULL);
            }
        }
    }

  if (reaches (state, BB_STATE_COMPLETED))
    {
      kase.result = PICK (demo, results);
      kase.delivery = PICK (demo, deliveries);
      timeline_add (&timeline, demo, 2 * day, owner->staff_id, "complete", "handling",
                    "completed", kase.result);
      kase.completed_at = timeline.at;
    }
  if (reaches (state, BB_STATE_DELIVERED))
    timeline_add (&timeline, demo, day, owner->staff_id, "handover", "completed", "delivered",
                  NULL);
  if (kind == BB_CASE_PROXY && reaches (state, BB_STATE_CONFIRMED))
    timeline_add (&timeline, demo, day, owner->staff_id, "confirm", "delivered", "confirmed",
                  NULL);
  if ((state == BB_STATE_CONFIRMED || state == BB_STATE_ARCHIVED ||
       (kind == BB_CASE_ASSIST && state == BB_STATE_DELIVERED)) && chance (demo, 0.6))
    {
      static const guint levels[] = { 0, 2, 3, 10, 25, 60 };

      kase.evaluation_level = (int) weighted (demo, levels, G_N_ELEMENTS (levels));
      kase.evaluation_comment = kase.evaluation_level >= 4 ? PICK (demo, evaluation_comments)
                                                           : evaluation_comments[3 + (kase.evaluation_level == 1)];
      timeline_add (&timeline, demo, day, owner->staff_id, "evaluate", NULL, NULL,
                    kase.evaluation_comment);
      kase.evaluated_at = timeline.at;
    }
  if (state == BB_STATE_ARCHIVED)
    {
      const char *from = kind == BB_CASE_PROXY ? "confirmed" : "delivered";

      timeline_add (&timeline, demo, 3 * day, owner->staff_id, "archive", from, "archived", NULL);
      kase.archived_at = timeline.at;
      archive_number = g_strdup_printf ("GD%" G_GUINT64_FORMAT, 100000 + index);
      kase.archive_number = archive_number;
    }

  kase.events = timeline.events;
  kase.n_events = timeline.n;
  kase.updated_at = timeline.at;

  return bb_bulk_add_case (bulk, &kase, NULL, error) != 0;
}

static gboolean
seed_bulk (Demo     *demo,
           guint64   n_cases,
           GError  **error)
{
  const gint64 day = G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC;
  g_autoptr(BbBulk) bulk = NULL;
  guint64 n_clients;
  gint64 history_end, history_start, span_days;
  gint64 started = g_get_monotonic_time ();

  /* About a thousand cases a working day, at most three years back; the
   * history ends where the played window begins. */
  span_days = CLAMP ((gint64) (n_cases / 650), 30, 3 * 365);
  history_end = local_instant (demo, &demo->window[0], 8 * 60) - day;
  history_start = history_end - span_days * day;
  n_clients = MAX (n_cases / 5, 50);

  bulk = bb_bulk_new (demo->db, demo->admin, error);
  if (bulk == NULL)
    return FALSE;

  for (guint64 i = 0; i < n_clients; i++)
    {
      g_autoptr(BbClient) client = NULL;
      gint64 id;

      client = make_client (demo, history_start - (gint64) (g_rand_double (demo->rand) * 30 * day),
                            (guint) (i + REPO_CLIENTS));
      id = bb_bulk_add_client (bulk, client, error);
      if (id == 0)
        return FALSE;
      remember_client (demo, client, id);
    }

  for (guint64 i = 0; i < n_cases; i++)
    {
      if (!bulk_case (demo, bulk, i, n_cases, history_start, history_end, error))
        return FALSE;
      demo->summary->n_bulk_cases++;
      demo->n_done++;
      if (demo->n_done % PROGRESS_EVERY == 0)
        {
          report_progress (demo);
          if (g_cancellable_set_error_if_cancelled (demo->cancellable, error))
            return FALSE;
        }
    }

  if (!bb_bulk_finish (bulk, error))
    return FALSE;
  demo->summary->bulk_usec = g_get_monotonic_time () - started;
  return TRUE;
}

/* Workflow: the window */

static void
add_step (Played   *played,
          BbAction  action,
          guint     day,
          guint     variant)
{
  Step step = { action, day, 0, variant };

  g_array_append_val (played->steps, step);
}

/* The actions of each path, day by day (working days of the window). */
static void
plan_path (Demo   *demo,
           Played *played)
{
  guint d = 0;

  add_step (played, BB_N_ACTIONS, d, 0);
  if (played->kind == BB_CASE_ASSIST)
    {
      if (played->path == PATH_ASSIST_CONSULTATION)
        {
          add_step (played, BB_ACTION_LOG, d, 0);
          return;
        }
      add_step (played, BB_ACTION_APPLY, d, 0);
      if (played->path == PATH_ASSIST_APPLIED)
        return;
      add_step (played, BB_ACTION_ROUTE, d, 0);
      if (played->path == PATH_ASSIST_ROUTED)
        return;
      if (played->path == PATH_ASSIST_CONVERTED)
        {
          add_step (played, BB_ACTION_LOG, d, 0);
          add_step (played, BB_ACTION_CONVERT, d + 1, 0);
          return;
        }
      /* Variant 1: some materials missing, a one-time notice, supplied. */
      add_step (played, BB_ACTION_MATERIALS, d + 1, played->path == PATH_ASSIST_HANDLING);
      if (played->path == PATH_ASSIST_HANDLING)
        {
          add_step (played, BB_ACTION_NOTIFY_MISSING, d + 1, 0);
          add_step (played, BB_ACTION_LOG, d + 2, 0);
          return;
        }
      add_step (played, BB_ACTION_LOG, d + 1, 0);
      add_step (played, BB_ACTION_COMPLETE, d + 2, 0);
      if (played->path == PATH_ASSIST_COMPLETED)
        return;
      add_step (played, BB_ACTION_HANDOVER, d + 2, 0);
      add_step (played, BB_ACTION_EVALUATE, d + 2, 5);
      if (played->path == PATH_ASSIST_DELIVERED)
        return;
      add_step (played, BB_ACTION_ARCHIVE, d + 4, 0);
      return;
    }

  /* 代办 */
  add_step (played, BB_ACTION_MATERIALS, d, 1);
  add_step (played, BB_ACTION_NOTIFY_MISSING, d, 0);
  if (played->path == PATH_PROXY_CONSULTATION)
    return;
  add_step (played, BB_ACTION_ANALYSE, d + 1, 0);
  if (played->path == PATH_PROXY_ANALYSED)
    return;
  if (played->path == PATH_PROXY_REFUSED)
    {
      add_step (played, BB_ACTION_REFUSE, d + 2, 0);
      return;
    }
  /* Variant: 0 the catalogue's limit, 1 a short limit (overdue now),
   * 2 a limit that ends tomorrow (due soon). */
  add_step (played, BB_ACTION_ACCEPT, d + 2,
            played->path == PATH_PROXY_OVERDUE ? 1 : played->path == PATH_PROXY_DUE_SOON ? 2 : 0);
  add_step (played, BB_ACTION_REQUEST_SUPPLEMENT, d + 2, 0);
  add_step (played, BB_ACTION_SUPPLEMENT, d + 3, 0);
  add_step (played, BB_ACTION_LOG, d + 3, 0);
  add_step (played, BB_ACTION_DEPARTMENT, d + 3, 0);

  switch (played->path)
    {
    case PATH_PROXY_HANDLING:
    case PATH_PROXY_OVERDUE:
    case PATH_PROXY_DUE_SOON:
      add_step (played, BB_ACTION_REPORT, d + 4, 0);
      if (chance (demo, 0.3))
        add_step (played, BB_ACTION_PROBLEM, d + 4, 0);
      return;
    case PATH_PROXY_REASSIGNED:
      add_step (played, BB_ACTION_REASSIGN, d + 4, 0);
      add_step (played, BB_ACTION_LOG, d + 4, 0);
      return;
    case PATH_PROXY_SUSPENDED:
      add_step (played, BB_ACTION_SUSPEND, d + 4, 0);
      add_step (played, BB_ACTION_REPORT, d + 4, 0);
      return;
    case PATH_PROXY_TERMINATED:
      /* Resume by the next working day; past it, the sweep ends the case. */
      add_step (played, BB_ACTION_SUSPEND, d + 4, 1);
      add_step (played, BB_ACTION_TERMINATE, d + 7, 0);
      add_step (played, BB_ACTION_HANDOVER, d + 7, 0);
      return;
    case PATH_PROXY_RESUMED:
      add_step (played, BB_ACTION_SUSPEND, d + 4, 0);
      add_step (played, BB_ACTION_RESUME, d + 6, 0);
      add_step (played, BB_ACTION_LOG, d + 6, 0);
      return;
    case PATH_PROXY_DISPUTED:
    case PATH_PROXY_COMPLETED:
    case PATH_PROXY_DELIVERED:
    case PATH_PROXY_CONFIRMED:
    case PATH_PROXY_ARCHIVED:
    case PATH_PROXY_BAD_REVIEW:
      break;
    default:
      g_assert_not_reached ();
    }

  add_step (played, BB_ACTION_REPORT, d + 4, 0);
  add_step (played, BB_ACTION_SUPERVISOR_REPORT, d + 5, 0);
  add_step (played, BB_ACTION_COMPLETE, d + 6, 0);
  if (played->path == PATH_PROXY_COMPLETED)
    return;
  add_step (played, BB_ACTION_HANDOVER, d + 7, 0);
  if (played->path == PATH_PROXY_DELIVERED)
    return;
  if (played->path == PATH_PROXY_DISPUTED)
    {
      add_step (played, BB_ACTION_DISPUTE, d + 7, 0);
      add_step (played, BB_ACTION_LOG, d + 8, 0);
      return;
    }
  add_step (played, BB_ACTION_CONFIRM, d + 7, 0);
  add_step (played, BB_ACTION_EVALUATE, d + 7, played->path == PATH_PROXY_BAD_REVIEW ? 2 : 5);
  if (played->path != PATH_PROXY_ARCHIVED)
    return;
  add_step (played, BB_ACTION_FOLLOW_UP, d + 9, 0);
  add_step (played, BB_ACTION_ARCHIVE, d + 9, 0);
}

/* Shifts a planned path to start on a random day that lets it end by the
 * window's last day, and gives each step its moment. */
static void
place_path (Demo   *demo,
            Played *played)
{
  Step *last = &g_array_index (played->steps, Step, played->steps->len - 1);
  guint length = last->day;
  guint start;
  int minutes = 0;
  guint day = G_MAXUINT;

  g_assert (length < WINDOW_DAYS);
  if (played->path == PATH_PROXY_OVERDUE)
    start = g_rand_int_range (demo->rand, 0, 4);
  else if (played->path == PATH_PROXY_DUE_SOON || played->path == PATH_PROXY_HANDLING)
    start = WINDOW_DAYS - 1 - length -
            g_rand_int_range (demo->rand, 0, MIN (6, WINDOW_DAYS - 1 - length) + 1);
  else
    start = g_rand_int_range (demo->rand, 0, WINDOW_DAYS - length);

  for (guint i = 0; i < played->steps->len; i++)
    {
      Step *step = &g_array_index (played->steps, Step, i);

      step->day += start;
      if (step->day != day)
        {
          day = step->day;
          minutes = 9 * 60 + g_rand_int_range (demo->rand, 0, 6 * 60);
        }
      else
        minutes += g_rand_int_range (demo->rand, 3, 25);
      step->at = local_instant (demo, &demo->window[step->day], MIN (minutes, 17 * 60 + 59));
    }
}

static int
compare_scheduled (gconstpointer a,
                   gconstpointer b)
{
  const Scheduled *x = a;
  const Scheduled *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  if (x->played != y->played)
    return x->played < y->played ? -1 : 1;
  return x->step < y->step ? -1 : x->step > y->step;
}

static GStrv
strv_pick (Demo  *demo,
           GStrv  names,
           gboolean missing)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_strv_length (names);

  /* Missing: the last one or two; present: the others. */
  for (guint i = 0; i < n; i++)
    {
      gboolean is_missing = i + 2 >= n && i > 0;

      if (is_missing == missing)
        g_strv_builder_add (builder, names[i]);
    }
  return g_strv_builder_end (builder);
}

static BbCaseAction *
make_action (Demo       *demo,
             Played     *played,
             const Step *step)
{
  BbCaseAction *action = bb_case_action_new (step->action);

  switch (step->action)
    {
    case BB_ACTION_ROUTE:
      action->area = g_strdup (played->item->for_organisations || chance (demo, 0.5)
                               ? BB_AREA_ASSIST : chance (demo, 0.5) ? BB_AREA_ONLINE
                                                                     : BB_AREA_SELF_SERVICE);
      break;
    case BB_ACTION_MATERIALS:
      if (step->variant == 1)
        {
          action->present = strv_pick (demo, played->item->materials, FALSE);
          action->missing = strv_pick (demo, played->item->materials, TRUE);
        }
      else
        action->present = g_strdupv (played->item->materials);
      break;
    case BB_ACTION_SUPPLEMENT:
      action->present = strv_pick (demo, played->item->materials, TRUE);
      action->text = g_strdup ("申请人已补齐材料");
      break;
    case BB_ACTION_ANALYSE:
      action->difficulty = g_strdup (played->item->limit_days > 10 ? "较复杂" : "一般");
      action->estimated_days = played->item->limit_days;
      action->process = g_strdup_printf ("核验材料后代为向%s递交申请，跟进审批并代领结果",
                                         played->item->department);
      break;
    case BB_ACTION_ACCEPT:
      action->staff_id = played->owner->staff_id;
      action->staff_number = g_strdup (played->owner->number);
      action->text = g_strdup ("经预审材料齐全，同意受理");
      if (step->variant == 1)
        action->limit_days = 2;
      else if (step->variant == 2)
        {
          GDate accepted, tomorrow;

          local_date (demo, step->at, &accepted);
          bb_calendar_add_working_days (demo->calendar, &demo->today, 1, &tomorrow);
          action->limit_days = MAX (1, bb_calendar_count_working_days (demo->calendar, &accepted,
                                                                       &tomorrow));
        }
      break;
    case BB_ACTION_REFUSE:
      action->reason = g_strdup (PICK (demo, refusals));
      break;
    case BB_ACTION_REQUEST_SUPPLEMENT:
      action->missing = strv_pick (demo, played->item->materials, TRUE);
      action->text = g_strdup ("请于五个工作日内补齐所缺材料");
      break;
    case BB_ACTION_LOG:
      action->text = g_strdup (PICK (demo, log_texts));
      break;
    case BB_ACTION_PROBLEM:
      action->text = g_strdup (PICK (demo, problem_texts));
      break;
    case BB_ACTION_REPORT:
      action->text = g_strdup (PICK (demo, report_texts));
      break;
    case BB_ACTION_SUPERVISOR_REPORT:
      action->text = g_strdup ("按月报送代办事项办理情况");
      action->department = g_strdup ("政务服务管理局");
      break;
    case BB_ACTION_DEPARTMENT:
      action->department = g_strdup (played->item->department);
      action->status = g_strdup ("审核中");
      break;
    case BB_ACTION_REASSIGN:
      action->staff_id = played->second->staff_id;
      action->staff_number = g_strdup (played->second->number);
      action->reason = g_strdup ("原责任人休假，工作交接");
      action->client_told = TRUE;
      break;
    case BB_ACTION_SUSPEND:
      {
        static const char * const suspend_reasons[] = { "materials", "fees", "client",
                                                         "force-majeure" };
        GDate on, by;

        local_date (demo, step->at, &on);
        if (step->variant == 1)
          bb_calendar_add_working_days (demo->calendar, &on, 1, &by);
        else
          {
            by = demo->today;
            g_date_add_days (&by, g_rand_int_range (demo->rand, 5, 20));
          }
        action->reason = g_strdup (PICK (demo, suspend_reasons));
        action->resume_by = bb_date_to_iso (&by);
        action->text = g_strdup ("已向申请人出具中止告知");
      }
      break;
    case BB_ACTION_RESUME:
      action->text = g_strdup ("申请人已补齐材料并申请续办");
      break;
    case BB_ACTION_COMPLETE:
      action->result = g_strdup (PICK (demo, results));
      action->delivery = g_strdup (PICK (demo, deliveries));
      break;
    case BB_ACTION_HANDOVER:
      action->items = g_strdup ("办理结果文书一份，申请材料原件全部退还");
      action->received_by = g_strdup (played->client->name);
      break;
    case BB_ACTION_DISPUTE:
      action->reason = g_strdup ("证照上的地址与申请不一致，需更正");
      break;
    case BB_ACTION_EVALUATE:
      action->level = (int) step->variant;
      action->channel = g_strdup ("device");
      action->comment = g_strdup (step->variant >= 4 ? PICK (demo, evaluation_comments)
                                                     : evaluation_comments[4]);
      action->integrity_ok = TRUE;
      break;
    case BB_ACTION_FOLLOW_UP:
      action->text = g_strdup (PICK (demo, follow_ups));
      break;
    case BB_ACTION_ARCHIVE:
      action->archive_number = g_strdup_printf ("GD-%s", played->number);
      break;
    case BB_ACTION_APPLY:
    case BB_ACTION_NOTIFY_MISSING:
    case BB_ACTION_CONVERT:
    case BB_ACTION_TERMINATE:
    case BB_ACTION_CONFIRM:
    case BB_N_ACTIONS:
    default:
      break;
    }
  return action;
}

/* Who takes a step: leaders accept, refuse and reassign; the responsible
 * staff member does the rest. */
static const BbActor *
step_actor (Played     *played,
            const Step *step,
            gboolean    reassigned)
{
  switch (step->action)
    {
    case BB_ACTION_ACCEPT:
    case BB_ACTION_REFUSE:
    case BB_ACTION_REASSIGN:
      return played->leader;
    default:
      return reassigned ? played->second : played->owner;
    }
}

static gboolean
play_step (Demo     *demo,
           Played   *played,
           guint     index,
           GError  **error)
{
  const Step *step = &g_array_index (played->steps, Step, index);
  g_autoptr(BbCase) kase = NULL;
  g_autoptr(BbCase) after = NULL;
  g_autoptr(BbCaseAction) action = NULL;
  gboolean reassigned = FALSE;

  set_clock (demo, step->at);

  if (step->action == BB_N_ACTIONS)
    {
      BbCaseDraft draft = { 0 };

      draft.kind = played->kind;
      draft.client_id = played->client->id;
      draft.item_id = played->item->id;
      draft.reason = PICK (demo, reasons);
      draft.mode = played->kind == BB_CASE_ASSIST ? BB_MODE_HALL : BB_MODE_WINDOW;
      draft.channel = "onsite";
      kase = bb_case_repo_create (demo->db, played->owner, &draft, error);
      if (kase == NULL)
        return FALSE;
      played->number = g_strdup (kase->number);
      demo->summary->n_workflow_cases++;
      demo->n_done++;
      if (demo->n_done % 20 == 0)
        report_progress (demo);
      return TRUE;
    }

  /* Past its resume deadline a suspended case is ended by the sweep, as
   * the application does whenever it runs one. */
  if (step->action == BB_ACTION_TERMINATE)
    return bb_case_repo_sweep (demo->db, error) >= 0;

  kase = bb_case_repo_get (demo->db, demo->admin, played->number, error);
  if (kase == NULL)
    return FALSE;
  for (guint i = 0; i < index; i++)
    if (g_array_index (played->steps, Step, i).action == BB_ACTION_REASSIGN)
      reassigned = TRUE;

  action = make_action (demo, played, step);
  after = bb_case_repo_act (demo->db, step_actor (played, step, reassigned), played->number,
                            action, kase->version, error);
  if (after == NULL)
    {
      g_prefix_error (error, "%s %s: ", played->number, bb_action_to_string (step->action));
      return FALSE;
    }
  if (step->action == BB_ACTION_EVALUATE)
    demo->summary->n_evaluations++;
  if (step->action == BB_ACTION_CONVERT)
    demo->summary->n_cases++;  /* the linked 代办 case */
  return TRUE;
}

static gboolean
seed_workflow (Demo     *demo,
               guint     n_cases,
               GError  **error)
{
  g_autoptr(GPtrArray) played = g_ptr_array_new_with_free_func ((GDestroyNotify) played_free);
  g_autoptr(GArray) schedule = g_array_new (FALSE, FALSE, sizeof (Scheduled));

  for (guint i = 0; i < n_cases; i++)
    {
      Played *p = g_new0 (Played, 1);
      guint client_index;

      p->path = i < G_N_ELEMENTS (first_paths) ? first_paths[i]
                                               : (Path) weighted (demo, path_weights, N_PATHS);
      p->kind = p->path <= PATH_ASSIST_CONVERTED ? BB_CASE_ASSIST : BB_CASE_PROXY;
      /* Mostly the repository's clients, now and then one of the past. */
      client_index = chance (demo, 0.8) || demo->clients->len == demo->n_repo_clients
                     ? (guint) g_rand_int_range (demo->rand, 0, (gint32) demo->n_repo_clients)
                     : (guint) g_rand_int_range (demo->rand, (gint32) demo->n_repo_clients,
                                                 (gint32) demo->clients->len);
      p->client = g_ptr_array_index (demo->clients, client_index);
      do
        p->item = g_ptr_array_index (demo->items,
                                     g_rand_int_range (demo->rand, 0, (gint32) demo->items->len));
      while (p->item->for_organisations != (g_strcmp0 (p->client->kind, BB_CLIENT_ORGANISATION) == 0) &&
             chance (demo, 0.9));
      p->owner = pick_actor (demo, demo->staff);
      p->leader = pick_actor (demo, demo->leaders);
      do
        p->second = pick_actor (demo, demo->staff);
      while (p->second == p->owner && demo->staff->len > 1);
      p->steps = g_array_new (FALSE, FALSE, sizeof (Step));
      plan_path (demo, p);
      place_path (demo, p);
      g_ptr_array_add (played, p);

      for (guint s = 0; s < p->steps->len; s++)
        {
          Scheduled entry = { g_array_index (p->steps, Step, s).at, p, s };

          g_array_append_val (schedule, entry);
        }
    }

  g_array_sort (schedule, compare_scheduled);
  for (guint i = 0; i < schedule->len; i++)
    {
      Scheduled *entry = &g_array_index (schedule, Scheduled, i);

      if (!play_step (demo, entry->played, entry->step, error))
        return FALSE;
      if (g_cancellable_set_error_if_cancelled (demo->cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* Complaints and consultations, on the window's last day. */

static gboolean
seed_complaints (Demo     *demo,
                 guint     n,
                 GError  **error)
{
  static const char * const channels[] = {
    BB_COMPLAINT_CHANNEL_HOTLINE, BB_COMPLAINT_CHANNEL_ONSITE, BB_COMPLAINT_CHANNEL_PHONE,
    BB_COMPLAINT_CHANNEL_BOX, BB_COMPLAINT_CHANNEL_ONLINE,
  };
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
  gint64 at = local_instant (demo, &demo->window[WINDOW_DAYS - 1], 16 * 60);

  set_clock (demo, at);
  cases = bb_case_query_page (demo->db, demo->admin, filter, BB_CASE_SORT_NEWEST, NULL,
                              MAX (n, 1), NULL, error);
  if (cases == NULL)
    return FALSE;

  for (guint i = 0; i < n && i < cases->len; i++)
    {
      BbCaseSummary *kase = g_ptr_array_index (cases, i);
      BbActor *about = pick_actor (demo, demo->staff);
      g_autoptr(BbComplaint) complaint = NULL;
      BbComplaintDraft draft = { 0 };
      guint steps = i % BB_N_COMPLAINT_STATES;

      set_clock (demo, at + i * 5 * 60 * G_USEC_PER_SEC);
      draft.channel = PICK (demo, channels);
      draft.complainant = kase->client_name;
      draft.contact = NULL;
      draft.case_number = kase->number;
      draft.staff_number = about->number;
      draft.content = PICK (demo, complaint_texts);
      complaint = bb_complaint_repo_add (demo->db, demo->manager, &draft, error);
      if (complaint == NULL)
        return FALSE;
      demo->summary->n_complaints++;

      for (guint s = 1; s <= steps; s++)
        {
          static const char * const texts[] = {
            NULL, "已调取服务记录并约谈当事工作人员", "已对当事人进行批评教育并整改",
            "已电话向投诉人反馈处理结果，投诉人表示认可", "资料已归档",
          };
          BbComplaint *next;

          next = bb_complaint_repo_step (demo->db, demo->manager, complaint->number,
                                         (BbComplaintState) s, texts[s], complaint->version,
                                         error);
          if (next == NULL)
            return FALSE;
          bb_complaint_free (complaint);
          complaint = next;
        }
    }
  return TRUE;
}

static gboolean
seed_consultations (Demo     *demo,
                    guint     n,
                    GError  **error)
{
  static const char * const channels[] = { "onsite", "onsite", "phone", "online", "email" };

  for (guint i = 0; i < n; i++)
    {
      BbConsultation draft = { 0 };
      g_autofree char *name = g_strdup_printf ("%s%s", PICK (demo, surnames),
                                               chance (demo, 0.5) ? "先生" : "女士");
      g_autofree char *contact = make_phone (demo);
      guint day = (guint) g_rand_int_range (demo->rand, 0, WINDOW_DAYS);

      set_clock (demo, local_instant (demo, &demo->window[day],
                                      9 * 60 + g_rand_int_range (demo->rand, 0, 8 * 60)));
      draft.name = name;
      draft.contact = contact;
      draft.channel = (char *) PICK (demo, channels);
      draft.content = (char *) PICK (demo, consultation_contents);
      draft.result = (char *) PICK (demo, consultation_results);
      if (bb_consultation_repo_add (demo->db, pick_actor (demo, demo->staff), &draft, error) <= 0)
        return FALSE;
      demo->summary->n_consultations++;
    }
  return TRUE;
}

static gboolean
count_states (Demo    *demo,
              GError **error)
{
  for (guint s = 0; s < BB_N_STATES; s++)
    {
      g_autoptr(BbCaseFilter) filter = bb_case_filter_new ();
      gint64 n;

      filter->states = BB_CASE_STATE_BIT (s);
      n = bb_case_query_count (demo->db, filter, error);
      if (n < 0)
        return FALSE;
      demo->summary->n_by_state[s] = (guint64) n;
    }
  return TRUE;
}

static gboolean
run (Demo           *demo,
     const BbActor  *actor,
     guint64         n_cases,
     GError        **error)
{
  g_autoptr(BbCaseFilter) everything = bb_case_filter_new ();
  guint64 n_workflow = MIN (n_cases, BB_DEMO_WORKFLOW_CASES);
  guint64 n_bulk = n_cases - n_workflow;
  gint64 existing;
  gint64 start_of_history;
  GDate day;
  guint found = 0;

  existing = bb_case_query_count (demo->db, everything, error);
  if (existing < 0)
    return FALSE;
  if (existing > 0)
    {
      g_autofree char *n_text = g_strdup_printf ("%" G_GINT64_FORMAT, existing);

      g_set_error (error, BB_ERROR, BB_ERROR_REFUSED,
                   _("The database already holds %s cases; demo data goes only into a "
                     "database without cases"), n_text);
      return FALSE;
    }

  /* The window: the last WINDOW_DAYS working days before today. */
  demo->now = bb_clock_now_usec ();
  bb_clock_today (&demo->today);
  if (!bb_holiday_repo_import_csv (demo->db, actor, demo_holidays, &demo->summary->n_holidays,
                                   error))
    return FALSE;
  demo->calendar = bb_holiday_repo_load_calendar (demo->db, error);
  if (demo->calendar == NULL)
    return FALSE;
  day = demo->today;
  while (found < WINDOW_DAYS)
    {
      g_date_subtract_days (&day, 1);
      if (bb_calendar_is_working_day (demo->calendar, &day))
        demo->window[WINDOW_DAYS - 1 - found++] = day;
    }

  /* Staff and catalogue exist from the start of the history. */
  start_of_history = local_instant (demo, &demo->window[0], 8 * 60) -
                     (CLAMP ((gint64) (n_bulk / 650), 30, 3 * 365) + 40) * 86400 * G_USEC_PER_SEC;
  set_clock (demo, start_of_history);
  if (!seed_staff (demo, actor, error) || !seed_catalogue (demo, error))
    return FALSE;

  demo->n_total = n_cases;
  set_clock (demo, local_instant (demo, &demo->window[0], 8 * 60));
  if (!seed_repo_clients (demo, MIN (REPO_CLIENTS, MAX (n_workflow, 8)),
                          local_instant (demo, &demo->window[0], 8 * 60), error))
    return FALSE;

  if (n_bulk > 0)
    {
      restore_clock (demo);
      if (!seed_bulk (demo, n_bulk, error))
        return FALSE;
    }

  if (!seed_workflow (demo, (guint) n_workflow, error))
    return FALSE;
  if (!seed_consultations (demo, (guint) MIN (30, n_cases / 8 + 3), error))
    return FALSE;
  if (!seed_complaints (demo, (guint) MIN (10, n_cases / 25 + 2), error))
    return FALSE;
  restore_clock (demo);

  demo->summary->n_cases += demo->summary->n_workflow_cases + demo->summary->n_bulk_cases;
  report_progress (demo);
  return count_states (demo, error);
}

/**
 * bb_demo_run:
 * @actor: an administrator, or the system actor on a database without staff
 * @n_cases: how many cases (the 帮办 cases the workflow converts add a
 *   linked 代办 case each)
 * @seed: the random seed: the same seed gives the same data on the same day
 * @progress: (nullable) (scope call): called now and then
 * @cancellable: (nullable): stops the demo between cases
 * @summary: (out caller-allocates) (optional): what was created; clear it
 *   with bb_demo_summary_clear()
 *
 * Fills a database that has no cases yet with demo data. While it plays
 * the workflow it moves the calling thread's clock only, so the rest of the
 * process (a window, say) keeps the real time meanwhile.
 *
 * Returns: %FALSE with @error (%BB_ERROR_REFUSED when the database already
 *   has cases); what was written before the error stays
 */
gboolean
bb_demo_run (BbDatabase          *db,
             const BbActor       *actor,
             guint64              n_cases,
             guint32              seed,
             BbDemoProgressFunc   progress,
             gpointer             user_data,
             GCancellable        *cancellable,
             BbDemoSummary       *summary,
             GError             **error)
{
  BbDemoSummary local_summary = { 0 };
  Demo demo = { 0 };
  gint64 started = g_get_monotonic_time ();
  gboolean ok;

  g_return_val_if_fail (BB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  if (!bb_actor_check (actor, BB_PERM_STAFF_MANAGE, error))
    return FALSE;

  demo.db = db;
  demo.rand = g_rand_new_with_seed (seed);
  demo.summary = summary != NULL ? summary : &local_summary;
  memset (demo.summary, 0, sizeof *demo.summary);
  demo.progress = progress;
  demo.progress_data = user_data;
  demo.cancellable = cancellable;
  demo.leaders = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_actor_free);
  demo.staff = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_actor_free);
  demo.items = g_ptr_array_new_with_free_func ((GDestroyNotify) demo_item_ref_free);
  demo.clients = g_ptr_array_new_with_free_func ((GDestroyNotify) demo_client_free);
  demo.used_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.tz = bb_clock_get_time_zone ();

  ok = run (&demo, actor, n_cases, error);
  restore_clock (&demo);
  demo.summary->total_usec = g_get_monotonic_time () - started;

  g_rand_free (demo.rand);
  g_clear_pointer (&demo.admin, bb_actor_free);
  g_clear_pointer (&demo.manager, bb_actor_free);
  g_ptr_array_unref (demo.leaders);
  g_ptr_array_unref (demo.staff);
  g_ptr_array_unref (demo.items);
  g_ptr_array_unref (demo.clients);
  g_hash_table_unref (demo.used_codes);
  g_clear_object (&demo.calendar);
  g_time_zone_unref (demo.tz);
  bb_demo_summary_clear (&local_summary);
  return ok;
}

void
bb_demo_summary_clear (BbDemoSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->admin_number, g_free);
}

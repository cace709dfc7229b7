<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClassesPage</name>
    <message>
        <source>Classes</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Instructor</source>
        <translation>教练</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>教室</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Space: mark attended · Ctrl+S: save the session · F5: reload</source>
        <translation>空格：标记到课 · Ctrl+S：保存课节 · F5：刷新</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Waitlist</source>
        <translation>候补</translation>
    </message>
    <message>
        <source>Late cancel</source>
        <translation>迟取消</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已到课</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <source>%1/%2 booked, %3 waiting</source>
        <translation>已约 %1/%2，候补 %3</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>待确认</translation>
    </message>
</context>
<context>
    <name>FrontDeskPage</name>
    <message>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Scan a card, or type a member number, phone, or name, then Enter</source>
        <translation>扫描会员卡，或输入会员号、手机号、姓名后按回车</translation>
    </message>
    <message>
        <source>Enter: check in · Ctrl+O: override a deny · Ctrl+D: void the selected check-in · Esc: clear</source>
        <translation>回车：签到 · Ctrl+O：强制放行 · Ctrl+D：作废所选签到 · Esc：清除</translation>
    </message>
    <message>
        <source>Today&apos;s check-ins</source>
        <translation>今日签到</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>未知卡号</translation>
    </message>
    <message>
        <source>This card was revoked</source>
        <translation>此卡已作废</translation>
    </message>
    <message>
        <source>Member is archived</source>
        <translation>会员已归档</translation>
    </message>
    <message>
        <source>No valid membership or pass</source>
        <translation>没有有效的会员卡或次卡</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Expired recently (grace period)</source>
        <translation>刚过期（宽限期内）</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>停卡中</translation>
    </message>
    <message>
        <source>Blocked (unpaid or by a manager)</source>
        <translation>已冻结（欠费或经理冻结）</translation>
    </message>
    <message>
        <source>No visits left</source>
        <translation>次数已用完</translation>
    </message>
    <message>
        <source>Outside this card&apos;s access hours</source>
        <translation>不在此卡的可用时段</translation>
    </message>
    <message>
        <source>Already checked in recently (nothing used)</source>
        <translation>刚刚已签到（不扣次）</translation>
    </message>
    <message>
        <source>No photo on file</source>
        <translation>未存照片</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Birthday today!</source>
        <translation>今天生日！</translation>
    </message>
    <message>
        <source>See the member&apos;s note</source>
        <translation>请查看会员备注</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>强制放行</translation>
    </message>
    <message>
        <source>Why is this member let in?</source>
        <translation>放行原因？</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>允许入场</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>拒绝入场</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <source>Ready to scan</source>
        <translation>请扫码</translation>
    </message>
    <message>
        <source>Scan a card or type a name, phone or number.</source>
        <translation>扫描会员卡，或输入姓名、手机号、会员号。</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>允许入场</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>拒绝入场</translation>
    </message>
    <message>
        <source>Allowed by override</source>
        <translation>已强制放行</translation>
    </message>
    <message>
        <source>No member for this code</source>
        <translation>此码没有对应会员</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) left</source>
        <translation><numerusform>剩余 %n 次</numerusform></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限次</translation>
    </message>
    <message>
        <source>No entitlement used</source>
        <translation>未使用权益</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
</context>
</TS>

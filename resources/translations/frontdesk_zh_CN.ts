<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../desktop_app/qt/first_run_pages.py" line="+108"/>
        <source>Enter a staff code and a name.</source>
        <translation>请输入员工编号和姓名。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The PIN needs at least %n digits.</source>
        <translation>
            <numerusform>密码至少需要 %n 位数字。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The two PINs differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The first administrator</source>
        <translation>首位管理员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The administrator %1 has been created.</source>
        <translation>管理员 %1 已创建。</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../desktop_app/qt/widgets/approval_dialog.py" line="+14"/>
        <source>Manager approval</source>
        <translation>经理授权</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Manager code</source>
        <translation>经理工号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>BackupsGroup</name>
    <message>
        <location filename="../../desktop_app/qt/pages/settings_backups.py" line="+112"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before an update</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restore the backup %1 taken %2?

Everything entered since then on this desk is replaced by that copy (the current state is first saved as a safety backup). After the restore this desk will enrol with the server again as a new device, and everyone must sign in again.</source>
        <translation>要恢复 %2 的备份 %1 吗？

此后在本前台录入的所有内容都将被该备份替换（当前状态会先另存为安全备份）。恢复后，本前台将作为新设备重新向服务器注册，所有人都需要重新登录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save support bundle</source>
        <translation>保存支持诊断包</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save support bundle…</source>
        <translation>保存支持诊断包…</translation>
    </message>
</context>
<context>
    <name>BookMemberDialog</name>
    <message>
        <location filename="../../desktop_app/qt/pages/class_dialogs.py" line="+260"/>
        <source>Book a member</source>
        <translation>为会员预约</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name, phone or member number, then Enter</source>
        <translation>姓名、手机号或会员号，然后按 Enter</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 is on the waitlist (position %2).</source>
        <translation>%1 已进入候补（第 %2 位）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is booked (provisional until the server confirms).</source>
        <translation>%1 已预约（服务器确认前为临时预约）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is booked.</source>
        <translation>%1 已预约。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 class credit(s) left.</source>
        <translation>%1：剩余 %2 节课时。</translation>
    </message>
</context>
<context>
    <name>CheckoutPage</name>
    <message>
        <location filename="../../desktop_app/qt/pages/checkout.py" line="+194"/>
        <source>Checkout</source>
        <translation>收银</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Scan a product or member card, type a barcode, a name or an amount</source>
        <translation>扫描商品或会员卡，或输入条码、名称或金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+31"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discounts</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>应收</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points to earn</source>
        <translation>本单积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points used / most allowed</source>
        <translation>使用积分 / 可用上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left to pay</source>
        <translation>待付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter: add · Del: remove line · Ctrl+L / Ctrl+D: line / order discount · amount then Ctrl+1 cash, Ctrl+2 card, Ctrl+3 WeChat, Ctrl+4 Alipay, Ctrl+5 stored value · Ctrl+6 points · Ctrl+Return: pay · Esc: new sale</source>
        <translation>Enter：添加 · Del：删除行 · Ctrl+L / Ctrl+D：单品 / 整单折扣 · 输入金额后 Ctrl+1 现金、Ctrl+2 银行卡、Ctrl+3 微信、Ctrl+4 支付宝、Ctrl+5 储值 · Ctrl+6 积分抵扣 · Ctrl+回车：结账 · Esc：新单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refund (F7)</source>
        <translation>退款 (F7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top up (F8)</source>
        <translation>充值 (F8)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift (F9)</source>
        <translation>班次 (F9)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import products…</source>
        <translation>导入商品…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Nothing found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Discount (%)</source>
        <translation>折扣（%）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line discount</source>
        <translation>单品折扣</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order discount</source>
        <translation>整单折扣</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not an amount: %s</source>
        <translation>不是金额：%s</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No points can be used on this sale</source>
        <translation>本单不能使用积分</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The discount is over the cashier&apos;s limit.</source>
        <translation>折扣超出收银员权限。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paid: receipt %1, change %2, points earned %3</source>
        <translation>已结账：小票 %1，找零 %2，获得积分 %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scan the member&apos;s card first to top up their stored value</source>
        <translation>请先扫描会员卡再为其储值充值</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Member: %1 · points %2</source>
        <translation>会员：%1 · 积分 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No member (scan a member card to earn points)</source>
        <translation>未关联会员（扫描会员卡可累积积分）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
</context>
<context>
    <name>ClassTypeDialog</name>
    <message>
        <location filename="../../desktop_app/qt/pages/class_dialogs.py" line="-193"/>
        <source>New class type</source>
        <translation>新建课程类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="-2"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking opens before</source>
        <translation>提前开放预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late cancel within</source>
        <translation>迟取消时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-in closes after start</source>
        <translation>开课后签到截止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum size</source>
        <translation>最少人数</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A class type needs a name.</source>
        <translation>课程类型需要名称。</translation>
    </message>
</context>
<context>
    <name>ClassesPage</name>
    <message>
        <location filename="../../desktop_app/qt/pages/classes.py" line="+133"/>
        <source>Classes</source>
        <translation>课程</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instructor</source>
        <translation>教练</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room</source>
        <translation>教室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+23"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Cancel this session? Every booking is cancelled and class credits are returned.</source>
        <translation>取消这节课？所有预约都会取消，课时将退回。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Session saved.</source>
        <translation>课节已保存。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Class type %1 created. Ctrl+G schedules it.</source>
        <translation>已创建课程类型 %1。按 Ctrl+G 排课。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Create a class type first (Ctrl+T).</source>
        <translation>请先创建课程类型 (Ctrl+T)。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Schedule added: %1 session(s) generated.</source>
        <translation>已添加排课：生成 %1 节课。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 new session(s) generated.</source>
        <translation>已生成 %1 节新课。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1: late cancel, the class credit is forfeit.</source>
        <translation>%1：迟取消，课时不退。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: cancelled, any class credit is returned.</source>
        <translation>%1：已取消，课时已退回。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 member(s) moved from the waitlist.</source>
        <translation>已从候补转入 %1 位会员。</translation>
    </message>
    <message>
        <location line="-227"/>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Space: mark attended · Delete: cancel the booking · Ctrl+S: save the session · F5: reload · Alt+Left/Right: week before/after</source>
        <translation>空格：标记出勤 · Delete：取消预约 · Ctrl+S：保存课节 · F5：刷新 · Alt+左/右：上一周/下一周</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+T: class type · Ctrl+G: weekly schedule · Ctrl+N: next 4 weeks · Ctrl+B: book · Ctrl+P: from the waitlist · Ctrl+K: strikes</source>
        <translation>Ctrl+T：课程类型 · Ctrl+G：每周排课 · Ctrl+N：生成后 4 周 · Ctrl+B：预约 · Ctrl+P：候补补位 · Ctrl+K：违约记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Class type</source>
        <translation>课程类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule</source>
        <translation>排课</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next 4 weeks</source>
        <translation>生成后 4 周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book</source>
        <translation>预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel booking</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From waitlist</source>
        <translation>候补补位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strikes</source>
        <translation>违约记录</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Waitlist</source>
        <translation>候补</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late cancel</source>
        <translation>迟取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attended</source>
        <translation>已到课</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1/%2 booked, %3 waiting</source>
        <translation>已约 %1/%2，候补 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Waitlist #%1</source>
        <translation>候补第 %1 位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>provisional</source>
        <translation>待确认</translation>
    </message>
</context>
<context>
    <name>DeskDialog</name>
    <message>
        <location filename="../../desktop_app/qt/pages/desk_dialog.py" line="+71"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nobody is signed in</source>
        <translation>没有员工登录</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <location filename="../../desktop_app/qt/session.py" line="+75"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>This desk needs a first administrator before anyone can sign in.</source>
        <translation>需要先创建首位管理员，才能登录。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Only the staff member who locked the desk can unlock it.</source>
        <translation>只有锁定前台的员工才能解锁。</translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <location filename="../../desktop_app/qt/first_run_pages.py" line="+164"/>
        <source>Enter the server address (http:// or https://) and the one-time code, or clear the check box to skip.</source>
        <translation>请输入服务器地址（http:// 或 https://）和一次性注册码，或取消勾选以跳过。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Server (optional)</source>
        <translation>服务器（可选）</translation>
    </message>
</context>
<context>
    <name>EntitlementDialog</name>
    <message>
        <location filename="../../desktop_app/qt/pages/entitlement_dialog.py" line="+115"/>
        <source>Entitlements</source>
        <translation>会员权益</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+78"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+79"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Units left</source>
        <translation>剩余次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid from</source>
        <translation>生效日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Valid to</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+122"/>
        <source>On hold</source>
        <translation>冻结中</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Renewal price (¥)</source>
        <translation>续费价格（¥）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Renew</source>
        <translation>续费</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund (cooling-off)</source>
        <translation>冷静期退款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End hold</source>
        <translation>结束冻结</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hold</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Put on hold</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sell or issue</source>
        <translation>出售或发放</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Number, phone or name; Enter to add</source>
        <translation>会员号、手机号或姓名；按回车添加</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sell</source>
        <translation>出售</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Price (¥)</source>
        <translation>价格（¥）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days valid</source>
        <translation>有效天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family: share with</source>
        <translation>家庭共享给</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Period membership</source>
        <translation>期限会籍</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visit pack</source>
        <translation>次卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day pass</source>
        <translation>日票</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Class credits</source>
        <translation>课程次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Upcoming</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiring</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Grace</source>
        <translation>宽限期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Used up</source>
        <translation>已用完</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refund refused: the cooling-off period is over.</source>
        <translation>无法退款：冷静期已过。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund refused: it has already been used.</source>
        <translation>无法退款：已经使用过。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold refused: shorter than %1 days.</source>
        <translation>无法冻结：少于 %1 天。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold refused: longer than %1 days.</source>
        <translation>无法冻结：超过 %1 天。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold refused: at most %1 holds a year.</source>
        <translation>无法冻结：每年最多冻结 %1 次。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold refused: it overlaps another hold.</source>
        <translation>无法冻结：与另一次冻结时间重叠。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no running hold to end.</source>
        <translation>没有进行中的冻结可以结束。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused (%1).</source>
        <translation>被拒绝（%1）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Expiry moves from %1 to %2.</source>
        <translation>到期日将从 %1 顺延至 %2。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A hold needs a reason.</source>
        <translation>冻结需要填写原因。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>On hold; the expiry moves to %1.</source>
        <translation>已冻结；到期日顺延至 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hold ended.</source>
        <translation>冻结已结束。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+42"/>
        <source>The price is not an amount in yuan.</source>
        <translation>价格不是有效的人民币金额。</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Renewed.</source>
        <translation>已续费。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refunded %1.</source>
        <translation>已退款 %1。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No other member found.</source>
        <translation>未找到其他会员。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Shared with %1.</source>
        <translation>已共享给 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Give it a name.</source>
        <translation>请填写名称。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sold: %1 for %2.</source>
        <translation>已售出：%1，金额 %2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nobody is signed in</source>
        <translation>尚无人登录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This needs a manager&apos;s approval.</source>
        <translation>此操作需要经理批准。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not allowed without a manager&apos;s approval.</source>
        <translation>未经经理批准不能操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../../desktop_app/qt/errors.py" line="+24"/>
        <source>Something went wrong. The details were written to the log.</source>
        <translation>出现错误，详细信息已写入日志。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrong staff code or PIN.</source>
        <translation>员工编号或密码错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This staff code is locked after too many wrong PINs. Try again in a few minutes.</source>
        <translation>密码错误次数过多，该员工编号已被锁定。请几分钟后再试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You are not allowed to do this. Ask a manager.</source>
        <translation>您没有执行此操作的权限，请联系经理。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Someone else changed this at the same time. Please try again.</source>
        <translation>其他人同时修改了此内容，请重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This cannot be done (%1).</source>
        <translation>无法执行此操作（%1）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>密码为 4 到 8 位数字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A staff code is 1 to 32 letters or digits.</source>
        <translation>员工编号为 1 到 32 位字母或数字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please enter a name (at most 200 characters).</source>
        <translation>请输入姓名（最多 200 个字符）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please check what you entered.</source>
        <translation>请检查输入的内容。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Frontdesk</source>
        <translation>前台系统</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../desktop_app/qt/first_run_wizard.py" line="+116"/>
        <source>%1
The administrator %2 has been created. Correct this and press Finish again, or press Cancel and change it later in Settings.</source>
        <translation>%1
管理员 %2 已创建。请更正后再次点击“完成”，或点击“取消”，稍后在设置中修改。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Enrolling with the server…</source>
        <translation>正在向服务器注册…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Set up Frontdesk</source>
        <translation>设置 Frontdesk</translation>
    </message>
</context>
<context>
    <name>FrontDeskPage</name>
    <message>
        <location filename="../../desktop_app/qt/pages/front_desk.py" line="+111"/>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Scan a card, or type a member number, phone, or name, then Enter</source>
        <translation>扫描会员卡，或输入会员号、手机号、姓名后按回车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter: check in · Ctrl+O: override a deny · Ctrl+D: void the selected check-in · Ctrl+E: switch entitlement · Esc: clear</source>
        <translation>Enter：签到 · Ctrl+O：强制放行 · Ctrl+D：撤销所选签到 · Ctrl+E：切换权益 · Esc：清除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Today&apos;s check-ins</source>
        <translation>今日签到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verdict</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unknown code</source>
        <translation>未知卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This card was revoked</source>
        <translation>此卡已作废</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member is archived</source>
        <translation>会员已归档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No valid membership or pass</source>
        <translation>没有有效的会员卡或次卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired recently (grace period)</source>
        <translation>刚过期（宽限期内）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hold</source>
        <translation>停卡中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked (unpaid or by a manager)</source>
        <translation>已冻结（欠费或经理冻结）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No visits left</source>
        <translation>次数已用完</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outside this card&apos;s access hours</source>
        <translation>不在此卡的可用时段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already checked in recently (nothing used)</source>
        <translation>刚刚已签到（不扣次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No photo on file</source>
        <translation>未存照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiring soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday today!</source>
        <translation>今天生日！</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the member&apos;s note</source>
        <translation>请查看会员备注</translation>
    </message>
    <message>
        <location line="+77"/>
        <location line="+88"/>
        <source>Override</source>
        <translation>强制放行</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Why is this member let in?</source>
        <translation>放行原因？</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Allowed</source>
        <translation>允许入场</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denied</source>
        <translation>拒绝入场</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../desktop_app/qt/lock_screen.py" line="+57"/>
        <source>Enter your PIN.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/lock_screen.ui" line="+33"/>
        <source>The desk is locked</source>
        <translation>前台已锁定</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Switch staff</source>
        <translation>切换员工</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/qt/main_window.py" line="+124"/>
        <source>Frontdesk - %1</source>
        <translation>前台系统 - %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/main_window.ui" line="+9"/>
        <source>Frontdesk</source>
        <translation>前台系统</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Sync: not set up</source>
        <translation>同步：未设置</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Printer: not set up</source>
        <translation>打印机：未设置</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Printer: ready</source>
        <translation>打印机：就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer: printing</source>
        <translation>打印机：正在打印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer: not answering, retrying</source>
        <translation>打印机：无响应，正在重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer: stopped</source>
        <translation>打印机：已停止</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Scanner: keyboard</source>
        <translation>扫码枪：键盘模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera…</source>
        <translation>摄像头…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed-in staff member</source>
        <translation>当前登录员工</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.ui" line="+22"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock the desk (Ctrl+L)</source>
        <translation>锁定前台 (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out and return to the sign-in screen</source>
        <translation>退出登录并返回登录界面</translation>
    </message>
</context>
<context>
    <name>MemberCardDialog</name>
    <message>
        <location filename="../../desktop_app/qt/pages/member_card_dialog.py" line="+66"/>
        <source>Member card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reason (lost, worn…)</source>
        <translation>原因（丢失、磨损…）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save card sheet (PNG/PDF)…</source>
        <translation>保存卡片页（PNG/PDF）…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print on receipt printer</source>
        <translation>在小票打印机上打印</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Card: %1</source>
        <translation>卡号：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reissue card</source>
        <translation>补办卡</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+51"/>
        <location line="+6"/>
        <source>No active card.</source>
        <translation>没有有效的卡。</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Issue card</source>
        <translation>发卡</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>New card issued; %1 is revoked.</source>
        <translation>已发新卡；%1 已作废。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Card issued.</source>
        <translation>已发卡。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save card sheet</source>
        <translation>保存卡片页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf);;PNG image (*.png)</source>
        <translation>PDF (*.pdf);;PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Card sent to the receipt printer.</source>
        <translation>会员卡已发送到小票打印机。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Card sheet saved: %1</source>
        <translation>卡片页已保存：%1</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../desktop_app/qt/pages/member_dialog.py" line="+38"/>
        <source>Edit member</source>
        <translation>编辑会员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New member</source>
        <translation>新建会员</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Agrees to marketing SMS</source>
        <translation>同意接收营销短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agrees to marketing email</source>
        <translation>同意接收营销邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A name is required (at most 200 characters).</source>
        <translation>请填写姓名（最多 200 个字符）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a phone number.</source>
        <translation>这不是有效的手机号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not an email address.</source>
        <translation>这不是有效的邮箱地址。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The notes are too long.</source>
        <translation>备注太长。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please check %1.</source>
        <translation>请检查 %1。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A member with this phone or email already exists.</source>
        <translation>已有会员使用此手机号或邮箱。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open that member</source>
        <translation>打开该会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create anyway</source>
        <translation>仍然创建</translation>
    </message>
</context>
<context>
    <name>MemberExportDialog</name>
    <message>
        <location filename="../../desktop_app/qt/pages/member_import_dialog.py" line="+308"/>
        <location line="+40"/>
        <source>Export members</source>
        <translation>导出会员</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exporting members needs the member export permission. Ask a manager.</source>
        <translation>导出会员需要会员导出权限，请找经理。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The file cannot be written there.</source>
        <translation>无法在该位置写入文件。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n member(s) exported.</source>
        <translation>
            <numerusform>已导出 %n 位会员。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberImportDialog</name>
    <message>
        <location line="-314"/>
        <location line="+97"/>
        <source>Import members</source>
        <translation>导入会员</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+47"/>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Check (dry run)</source>
        <translation>检查（试运行）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Card code</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agrees to marketing SMS</source>
        <translation>同意接收营销短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agrees to marketing email</source>
        <translation>同意接收营销邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the value is missing</source>
        <translation>缺少该值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the name is missing</source>
        <translation>缺少姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a phone number</source>
        <translation>不是手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not an email address</source>
        <translation>不是邮箱地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a date (use 2024-03-31)</source>
        <translation>不是日期（格式如 2024-03-31）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown gender</source>
        <translation>性别无法识别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a member number</source>
        <translation>不是会员号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a card code</source>
        <translation>不是卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the card belongs to another member</source>
        <translation>该卡属于其他会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the same card code as an earlier row</source>
        <translation>与前面某行的卡号相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs a member number or a phone</source>
        <translation>需要会员号或手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the same member number as an earlier row</source>
        <translation>与前面某行的会员号相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the same phone as an earlier row</source>
        <translation>与前面某行的手机号相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too long</source>
        <translation>太长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not readable as CSV</source>
        <translation>无法按 CSV 读取</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This file cannot be read with this encoding.</source>
        <translation>无法用此编码读取该文件。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n column(s) read (%1).</source>
        <translation>
            <numerusform>已读取 %n 列（%1）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Choose the column that holds the name.</source>
        <translation>请选择包含姓名的列。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Import cancelled: nothing was changed.</source>
        <translation>导入已取消：未做任何更改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 rows: %2 new, %3 updated, %4 unchanged, %5 with problems.</source>
        <translation>共 %1 行：新增 %2，更新 %3，未变 %4，有问题 %5。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dry run, nothing written.</source>
        <translation>试运行，未写入任何数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported.</source>
        <translation>已导入。</translation>
    </message>
</context>
<context>
    <name>MemberMergeDialog</name>
    <message>
        <location filename="../../desktop_app/qt/pages/member_merge_dialog.py" line="+37"/>
        <source>Merge members</source>
        <translation>合并会员</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep: %1 (%2)</source>
        <translation>保留：%1（%2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The duplicate&apos;s number, card, phone or name</source>
        <translation>重复会员的会员号、卡号、手机号或姓名</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Manager code</source>
        <translation>经理工号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Merge into this member</source>
        <translation>合并到此会员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No other member found.</source>
        <translation>未找到其他会员。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Find and choose the duplicate first.</source>
        <translation>请先查找并选择重复的会员。</translation>
    </message>
</context>
<context>
    <name>MemberResultsModel</name>
    <message>
        <location filename="../../desktop_app/qt/pages/member_results.py" line="+100"/>
        <source>Number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found by</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>last 4 digits</source>
        <translation>手机后四位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>revoked card</source>
        <translation>已作废的卡</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>merged from %1</source>
        <translation>由 %1 合并</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../desktop_app/qt/pages/members.py" line="+153"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Member number, card, phone or its last 4 digits, name, pinyin (zs), email</source>
        <translation>会员号、卡号、手机号或后四位、姓名、拼音（zs）、邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New member (Ctrl+N)</source>
        <translation>新建会员 (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit (Ctrl+E)</source>
        <translation>编辑 (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entitlements…</source>
        <translation>会员权益…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card…</source>
        <translation>会员卡…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive…</source>
        <translation>归档…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No member found.</source>
        <translation>未找到会员。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n member(s) found</source>
        <translation>
            <numerusform>找到 %n 位会员</numerusform>
        </translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Member photo</source>
        <translation>会员照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Taking a photo with the camera…</source>
        <translation>正在用摄像头拍照…</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+21"/>
        <source>No camera could be opened (is one connected, and not in use by the scanner?).</source>
        <translation>无法打开摄像头（是否已连接，且未被扫码功能占用？）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saving the photo…</source>
        <translation>正在保存照片…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This file is not a picture the desk can read. Choose a JPEG or PNG photo.</source>
        <translation>此文件不是可读取的图片。请选择 JPEG 或 PNG 照片。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The photo could not be read or saved.</source>
        <translation>无法读取或保存照片。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Photo saved.</source>
        <translation>照片已保存。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Photo removed.</source>
        <translation>照片已删除。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Archive member</source>
        <translation>归档会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive %1 (%2)? The member is kept with their history but no longer counts as active.</source>
        <translation>归档 %1（%2）？会员及其历史记录会保留，但不再算作有效会员。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Member archived.</source>
        <translation>会员已归档。</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../desktop_app/qt/first_run_pages.py" line="-98"/>
        <source>Fill in where the printer is, or choose None.</source>
        <translation>请填写打印机的位置，或选择“无”。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How is the receipt printer connected? Choose None to set it up later in Settings. A network printer usually listens on port 9100.</source>
        <translation>小票打印机如何连接？选择“无”可稍后在设置中配置。网络打印机通常使用 9100 端口。</translation>
    </message>
</context>
<context>
    <name>PrinterTestPanel</name>
    <message>
        <location filename="../../desktop_app/qt/printer_test_panel.py" line="+57"/>
        <source>Printer test</source>
        <translation>打印机测试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print a test page</source>
        <translation>打印测试页</translation>
    </message>
</context>
<context>
    <name>ProductImportDialog</name>
    <message>
        <location filename="../../desktop_app/qt/pages/product_import_dialog.py" line="+45"/>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CSV file: barcode, name, price, category, points_multiplier</source>
        <translation>CSV 文件：条码、名称、价格、类别、积分倍数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Check (dry run)</source>
        <translation>检查（试运行）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a CSV file</source>
        <translation>选择 CSV 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose a CSV file first.</source>
        <translation>请先选择 CSV 文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 new, %2 changed, %3 unchanged, %4 bad rows.</source>
        <translation>新增 %1，更新 %2，未变 %3，错误行 %4。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check only, nothing saved: %1 good rows.</source>
        <translation>仅检查，未保存：%1 行有效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported.</source>
        <translation>已导入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing changed: the catalogue already matches this file.</source>
        <translation>没有变化：商品目录已与此文件一致。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <location filename="../../desktop_app/qt/pages/member_profile.py" line="+93"/>
        <source>Number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entitlements</source>
        <translation>权益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo from file…</source>
        <translation>从文件选择照片…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo from camera</source>
        <translation>用摄像头拍照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search, then press Enter to open a member.</source>
        <translation>搜索后按回车打开会员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Flagged note: read the notes</source>
        <translation>备注已标记：请阅读备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>No photo</source>
        <translation>没有照片</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Archived member</source>
        <translation>已归档会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged into another member</source>
        <translation>已合并到其他会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No active card</source>
        <translation>没有有效的卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No valid entitlement</source>
        <translation>没有有效权益</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>expiring</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>grace period</source>
        <translation>宽限期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>used up</source>
        <translation>已用完</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on hold</source>
        <translation>冻结中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blocked</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>upcoming</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>(provisional, not yet synced)</source>
        <translation>（暂定，尚未同步）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+16"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <location line="-5"/>
        <source>%n left</source>
        <translation>
            <numerusform>剩余 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewWidget</name>
    <message>
        <location filename="../../desktop_app/qt/widgets/receipt_preview.py" line="+51"/>
        <source>Receipt preview</source>
        <translation>小票预览</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../desktop_app/qt/pages/refund_dialog.py" line="+77"/>
        <location line="+8"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Receipt number</source>
        <translation>小票号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan or type the receipt number, Enter</source>
        <translation>扫描或输入小票号，按回车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund whole sale</source>
        <translation>整单退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund chosen units</source>
        <translation>退所选商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refundable</source>
        <translation>可退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no member</source>
        <translation>非会员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sale %1 · total %2 · %3 · points earned %4, used %5</source>
        <translation>销售单 %1 · 合计 %2 · %3 · 获得积分 %4，使用积分 %5</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose units to refund, or refund the whole sale</source>
        <translation>选择要退的数量，或整单退款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This sale is fully refunded</source>
        <translation>此销售单已全部退款</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose at least one unit to refund</source>
        <translation>请至少选择一件要退的商品</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Refunds need a manager&apos;s approval.</source>
        <translation>退款需要经理批准。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refund %1: %2 back · points reversed %3, returned %4 · balance %5</source>
        <translation>退款 %1：退还 %2 · 扣回积分 %3，退回积分 %4 · 余额 %5</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <location filename="../../desktop_app/qt/pages/reports_views.py" line="+129"/>
        <source>Check-ins by hour</source>
        <translation>每小时签到</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Revenue by payment method (¥)</source>
        <translation>按支付方式收入（¥）</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>14-day trend</source>
        <translation>14 天趋势</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check-ins</source>
        <translation>签到</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous period</source>
        <translation>上一期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same days last week</source>
        <translation>上周同期</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Revenue (¥)</source>
        <translation>收入（¥）</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <location filename="../../desktop_app/qt/reports_export.py" line="+39"/>
        <source>Revenue (net of refunds)</source>
        <translation>净收入（扣除退款）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+60"/>
        <source>Sales</source>
        <translation>销售笔数</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Average ticket</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discounts</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+51"/>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Points earned</source>
        <translation>获得积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points redeemed</source>
        <translation>使用积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points expired</source>
        <translation>过期积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points adjusted</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored value topped up</source>
        <translation>储值充值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored value spent</source>
        <translation>储值消费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New members</source>
        <translation>新会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <location line="+16"/>
        <source>Check-ins</source>
        <translation>签到</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Unique members</source>
        <translation>到店会员（去重）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denied at the door</source>
        <translation>拒绝入场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class sessions</source>
        <translation>团课节数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Fill rate %</source>
        <translation>满员率 %</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+33"/>
        <source>No-shows</source>
        <translation>未到</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous</source>
        <translation>上一期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same weekday last week</source>
        <translation>上周同日</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revenue by payment method</source>
        <translation>按支付方式收入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check-ins by hour</source>
        <translation>每小时签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hour</source>
        <translation>时段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classes</source>
        <translation>团课</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starts (UTC)</source>
        <translation>开始（UTC）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Class</source>
        <translation>课程</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Overrides, voids and refunds per staff member</source>
        <translation>员工的放行、作废与退款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overrides</source>
        <translation>放行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voids</source>
        <translation>作废</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjustments</source>
        <translation>积分调整</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>14-day trend</source>
        <translation>14 天趋势</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entitlements expiring: %1 within 7 days, %2 within 30 days</source>
        <translation>即将到期的权益：7 天内 %1 个，30 天内 %2 个</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+8"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Entitlement</source>
        <translation>权益</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ends</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members not seen for 14 days: %1; for 30 days: %2</source>
        <translation>14 天未到店：%1 人；30 天未到店：%2 人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last seen</source>
        <translation>最近到店</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SMS consent</source>
        <translation>短信许可</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email consent</source>
        <translation>邮件许可</translation>
    </message>
</context>
<context>
    <name>ReportTables</name>
    <message>
        <location filename="../../desktop_app/qt/pages/reports_views.py" line="+68"/>
        <source>Entitlements expiring</source>
        <translation>即将到期的权益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members not seen</source>
        <translation>未到店会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Overrides, voids and refunds per staff member</source>
        <translation>员工的放行、作废与退款</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Entitlements expiring: %1 within 7 days, %2 within 30 days</source>
        <translation>即将到期的权益：7 天内 %1 个，30 天内 %2 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Entitlement</source>
        <translation>权益</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ends</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Members not seen for 14 days: %1; for 30 days: %2 (churn risk)</source>
        <translation>14 天未到店：%1 人；30 天未到店：%2 人（流失风险）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last seen</source>
        <translation>最近到店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS consent</source>
        <translation>短信许可</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email consent</source>
        <translation>邮件许可</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overrides</source>
        <translation>放行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voids</source>
        <translation>作废</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adjustments</source>
        <translation>积分调整</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../desktop_app/qt/pages/reports.py" line="+167"/>
        <location line="+87"/>
        <location line="+21"/>
        <source>All stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Reports need the report.view permission.</source>
        <translation>查看报表需要 report.view 权限。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Not synced yet: these figures are this desk&apos;s own data. %n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>尚未同步：以下数字仅来自本机数据。%n 条更改待上传。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Synced up to %1. %n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>已同步至 %1。%n 条更改待上传。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sales of that store are kept on its own desks.</source>
        <translation>该门店的销售数据保存在其自己的前台电脑上。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+21"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Business day</source>
        <translation>营业日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print summary</source>
        <translation>打印汇总</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Revenue (net)</source>
        <translation>净收入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales</source>
        <translation>销售笔数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average ticket</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discounts</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-ins</source>
        <translation>签到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unique members</source>
        <translation>到店会员（去重）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New members</source>
        <translation>新会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class fill rate %</source>
        <translation>团课满员率 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-shows</source>
        <translation>未到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points earned</source>
        <translation>获得积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points redeemed</source>
        <translation>使用积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points expired</source>
        <translation>过期积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored value topped up</source>
        <translation>储值充值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored value spent</source>
        <translation>储值消费</translation>
    </message>
</context>
<context>
    <name>ScannerPage</name>
    <message>
        <location filename="../../desktop_app/qt/first_run_pages.py" line="+32"/>
        <source>Scanner and camera</source>
        <translation>扫码枪与摄像头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A keyboard-wedge scanner needs no set-up: it types each code followed by Enter, and the desk tells it from typing. A camera can scan too.</source>
        <translation>键盘模式扫码枪无需设置：它会输入条码并回车，系统能将其与手动输入区分开。也可以用摄像头扫码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This desk also scans with a camera</source>
        <translation>本前台也使用摄像头扫码</translation>
    </message>
</context>
<context>
    <name>ScannerWindow</name>
    <message>
        <location filename="../../desktop_app/qt/scanner_window.py" line="+71"/>
        <source>member card</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>member number</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>member phone QR</source>
        <translation>会员手机二维码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown code (%1)</source>
        <translation>无法识别的码（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scanner</source>
        <translation>扫码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop camera</source>
        <translation>关闭摄像头</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start camera</source>
        <translation>打开摄像头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera on: hold the code inside the green box</source>
        <translation>摄像头已开：请把码放在绿框内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera off; the keyboard scanner works anywhere in the desk</source>
        <translation>摄像头已关；扫码枪在任何页面都可使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reads as they happen</source>
        <translation>实时读码记录</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location filename="../../desktop_app/qt/pages/class_dialogs.py" line="+21"/>
        <source>Weekly schedule</source>
        <translation>每周排课</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>class type&apos;s</source>
        <translation>按课程类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> weeks</source>
        <translation> 周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class type</source>
        <translation>课程类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instructor</source>
        <translation>教练</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room</source>
        <translation>教室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate sessions for</source>
        <translation>生成课节</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Create a class type first (Ctrl+T).</source>
        <translation>请先创建课程类型 (Ctrl+T)。</translation>
    </message>
</context>
<context>
    <name>Setting</name>
    <message>
        <location filename="../../desktop_app/qt/settings_catalogue.py" line="+40"/>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown on receipts and the window title.</source>
        <translation>显示在小票和窗口标题上。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+44"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Printed under the store name on receipts.</source>
        <translation>打印在小票上的门店名称下方。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ISO code of the store&apos;s currency.</source>
        <translation>门店货币的 ISO 代码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The store&apos;s time zone; business days follow it.</source>
        <translation>门店所在时区；营业日以此计算。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business day starts at</source>
        <translation>营业日起始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A sale before this local time belongs to the previous day.</source>
        <translation>在当地此时间之前的销售计入前一营业日。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock after idle (minutes)</source>
        <translation>空闲后锁定（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The desk locks after this many idle minutes.</source>
        <translation>前台空闲此分钟数后自动锁定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong PINs before lock-out</source>
        <translation>锁定前允许的错误次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong PINs in a row before a staff code is locked.</source>
        <translation>连续输错密码达到此次数后，员工编号将被锁定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock-out (minutes)</source>
        <translation>锁定时长（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long a staff code stays locked.</source>
        <translation>员工编号被锁定的时长。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier discount limit (%)</source>
        <translation>收银员折扣上限（%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest discount a cashier may give on their own.</source>
        <translation>收银员可自行给予的最大折扣。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expiring within (days)</source>
        <translation>到期提醒（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An entitlement this close to its end shows as expiring.</source>
        <translation>权益距到期不超过此天数时显示为即将到期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expiring at units left</source>
        <translation>剩余次数提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A pack with this few units left shows as expiring.</source>
        <translation>次卡剩余次数不超过此数时显示为即将到期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grace period (days)</source>
        <translation>宽限期（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days after the end when entry is still allowed, with a warning.</source>
        <translation>到期后仍允许入场（带警告）的天数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-entry window (minutes)</source>
        <translation>重复入场时限（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A second check-in within this time consumes nothing.</source>
        <translation>在此时间内再次签到不扣次数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic backup every (hours)</source>
        <translation>自动备份间隔（小时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An automatic backup is taken when the last is this old.</source>
        <translation>距上次自动备份超过此时间时，自动备份一次。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic backups kept</source>
        <translation>保留的自动备份数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many automatic backups are kept; older ones are removed.</source>
        <translation>保留的自动备份数量；更早的备份会被删除。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connection</source>
        <translation>连接方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the receipt printer is attached; none turns printing off.</source>
        <translation>小票打印机的连接方式；选择“无”则关闭打印。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Network printers: IP address or host name.</source>
        <translation>网络打印机：IP 地址或主机名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network printers: raw TCP port (9100 on almost every model).</source>
        <translation>网络打印机：原始 TCP 端口（几乎所有型号为 9100）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>USB device</source>
        <translation>USB 设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USB printers: vendor:product id in hex, e.g. 04b8:0202.</source>
        <translation>USB 打印机：十六进制的厂商:产品 ID，例如 04b8:0202。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+101"/>
        <source>Serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Serial printers: the port, e.g. /dev/ttyUSB0 or COM3.</source>
        <translation>串口打印机：端口，例如 /dev/ttyUSB0 或 COM3。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial printers: line speed in baud.</source>
        <translation>串口打印机：线路速率（波特）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUPS or Windows printers: the queue name of a raw printer.</source>
        <translation>CUPS 或 Windows 打印机：原始打印队列名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+95"/>
        <source>Device file</source>
        <translation>设备文件</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>File transport: the device or file the bytes are written to.</source>
        <translation>文件方式：写入数据的设备或文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printer profile</source>
        <translation>打印模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text mode: gb18030 (Chinese fonts), single_byte or raster.</source>
        <translation>文本模式：gb18030（中文字库）、single_byte（单字节）或 raster（图像）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code page</source>
        <translation>代码页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>single_byte profile: the printer&apos;s code page.</source>
        <translation>单字节模式：打印机的代码页。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper width (mm)</source>
        <translation>纸宽（毫米）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper roll width: 58 mm (32 columns) or 80 mm (48).</source>
        <translation>纸卷宽度：58 毫米（32 列）或 80 毫米（48 列）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write size (bytes)</source>
        <translation>单次写入（字节）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes per write; lower it for printers with a small buffer.</source>
        <translation>每次写入的字节数；缓冲区小的打印机请调低。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect timeout (s)</source>
        <translation>连接超时（秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds to wait for a network printer to answer.</source>
        <translation>等待网络打印机响应的秒数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stall timeout (s)</source>
        <translation>卡纸超时（秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds a printer may take no data before it counts as stalled.</source>
        <translation>打印机停止接收数据超过此秒数即视为卡住。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status timeout (s)</source>
        <translation>状态超时（秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds to wait for a status answer (then: unknown).</source>
        <translation>等待状态响应的秒数（超时则为未知）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>USB timeout (ms)</source>
        <translation>USB 超时（毫秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USB printers: write timeout in milliseconds.</source>
        <translation>USB 打印机：写入超时（毫秒）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cash drawer pin</source>
        <translation>钱箱针脚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash drawer connector pin the drawer is wired to (2 or 5).</source>
        <translation>钱箱所接的接口针脚（2 或 5）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gap between characters (ms)</source>
        <translation>字符间隔（毫秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most milliseconds between two characters of one scan.</source>
        <translation>同一次扫码中两个字符间的最长间隔（毫秒）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shortest code</source>
        <translation>最短条码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fewest characters a scan can have.</source>
        <translation>一次扫码的最少字符数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters the scanner sends before each code (stripped).</source>
        <translation>扫码枪在每个条码前发送的字符（会被去除）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suffix</source>
        <translation>后缀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters the scanner sends after each code (stripped).</source>
        <translation>扫码枪在每个条码后发送的字符（会被去除）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ends with</source>
        <translation>结束键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key that ends a scan: Enter, Tab, or either.</source>
        <translation>结束一次扫码的按键：回车、Tab 或两者之一。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which camera to use (0 is the first one).</source>
        <translation>使用哪个摄像头（0 为第一个）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width (pixels)</source>
        <translation>宽度（像素）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capture width in pixels.</source>
        <translation>采集宽度（像素）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height (pixels)</source>
        <translation>高度（像素）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capture height in pixels.</source>
        <translation>采集高度（像素）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decoding rate (per second)</source>
        <translation>识别频率（每秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames decoded per second (10-15; more costs CPU).</source>
        <translation>每秒识别的帧数（10–15；越高越耗 CPU）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guide box width</source>
        <translation>取景框宽度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guide box width as a fraction of the picture.</source>
        <translation>取景框宽度占画面的比例。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guide box height</source>
        <translation>取景框高度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guide box height as a fraction of the picture.</source>
        <translation>取景框高度占画面的比例。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Barcode formats</source>
        <translation>条码格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barcode formats to read; fewer is faster.</source>
        <translation>要识别的条码格式；越少越快。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-in and entitlements</source>
        <translation>签到与会员权益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkout and points</source>
        <translation>收银与积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff and security</source>
        <translation>员工与安全</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Devices: receipt printer</source>
        <translation>设备：小票打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Devices: keyboard-wedge scanner</source>
        <translation>设备：键盘模式扫码枪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Devices: camera</source>
        <translation>设备：摄像头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>None (no printer)</source>
        <translation>无（不使用打印机）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network (TCP 9100)</source>
        <translation>网络（TCP 9100）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CUPS queue</source>
        <translation>CUPS 队列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows printer</source>
        <translation>Windows 打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese text (GB18030)</source>
        <translation>中文文本（GB18030）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Western text (code page)</source>
        <translation>西文文本（代码页）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image (any printer)</source>
        <translation>图像（适用于任何打印机）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter or Tab</source>
        <translation>回车或 Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Void window for staff (minutes)</source>
        <translation>员工撤销签到时限（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff may void a check-in this long; later only a manager.</source>
        <translation>员工可在此时间内撤销签到；之后仅经理可撤销。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attend a booking from (minutes before)</source>
        <translation>签到计为出席：开课前（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A check-in this long before a booked class marks it attended.</source>
        <translation>在已预约课程开始前此时间内签到，即记为已出席。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attend a booking until (minutes after)</source>
        <translation>签到计为出席：开课后（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A check-in this long after the start still marks it attended.</source>
        <translation>课程开始后此时间内签到，仍记为已出席。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hold length (days)</source>
        <translation>停卡时长（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortest and longest hold (freeze).</source>
        <translation>停卡的最短和最长天数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holds per year</source>
        <translation>每年停卡次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most holds one entitlement may have in a year.</source>
        <translation>一项权益每年最多停卡次数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cooling-off (days)</source>
        <translation>冷静期（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An unused purchase can be refunded in full this long.</source>
        <translation>未使用的购买在此期限内可全额退款。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Booking opens (days before)</source>
        <translation>开放预约（提前天数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far ahead a class can be booked.</source>
        <translation>可提前多久预约课程。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Late cancel (hours before)</source>
        <translation>逾期取消（开课前小时）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A cancel inside this window forfeits the credit.</source>
        <translation>在此时间内取消预约，课时不予退还。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Class check-in closes (minutes after)</source>
        <translation>课程签到截止（开课后分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not checked in by then counts as a no-show.</source>
        <translation>到时仍未签到即记为缺席。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upcoming bookings per member</source>
        <translation>每位会员的待上课预约数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most bookings a member may hold at once.</source>
        <translation>会员同时可持有的最多预约数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No-show strikes</source>
        <translation>缺席记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strikes within the window that bar new bookings, and for how long.</source>
        <translation>在统计期内达到多少次缺席将被禁止预约，以及禁止多久。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 in %2 days, then barred for %3 days</source>
        <translation>%2 天内 %1 次，禁止预约 %3 天</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Points earned per ¥1</source>
        <translation>每消费 ¥1 获得积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base earning rate, before tier and promotion multipliers.</source>
        <translation>基础积分比例，未计等级与促销倍数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Points per ¥1 redeemed</source>
        <translation>抵扣 ¥1 所需积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points needed to pay ¥1.</source>
        <translation>抵扣 ¥1 所需的积分。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Smallest redemption (points)</source>
        <translation>最低抵扣积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fewest points taken as a tender.</source>
        <translation>作为支付方式时最少使用的积分。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Largest share paid in points (%)</source>
        <translation>积分支付比例上限（%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points pay at most this part of a sale.</source>
        <translation>积分最多可支付一笔销售的此比例。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Points expire after (months)</source>
        <translation>积分有效期（月）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each lot expires at the end of the month this long after it was earned.</source>
        <translation>每笔积分在获得后此月数的月底到期。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Largest push</source>
        <translation>单次上传上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most operations and bytes sent in one batch.</source>
        <translation>一批上传的最多操作数和字节数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock ahead limit (minutes)</source>
        <translation>时钟超前上限（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server clamps desk clocks further ahead than this.</source>
        <translation>前台时钟超前超过此值时，服务器会予以校正。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted rows kept (days)</source>
        <translation>删除记录保留（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A desk offline longer than this loads everything again.</source>
        <translation>离线超过此时间的前台需重新下载全部数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent operations kept (days)</source>
        <translation>已发送操作保留（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept to re-send after a server restore.</source>
        <translation>保留以便服务器恢复后重新发送。</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../desktop_app/qt/pages/settings_form.py" line="+165"/>
        <source>Save changes</source>
        <translation>保存更改</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Default: %1. %2</source>
        <translation>默认值：%1。%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fixed in this version. %1</source>
        <translation>本版本中固定不变。%1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop_app/qt/pages/settings.py" line="+125"/>
        <location filename="../../ui/settings_page.ui" line="+16"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Saved for this computer.</source>
        <translation>已为本机保存。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enrolling…</source>
        <translation>正在注册…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This desk is enrolled.</source>
        <translation>本前台已注册。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Backup %1 taken.</source>
        <translation>已完成备份 %1。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Restored %1. The state before it was kept as %2.</source>
        <translation>已恢复 %1。恢复前的状态已保存为 %2。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Support bundle saved as %1.</source>
        <translation>支持诊断包已保存为 %1。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Test the scanner and camera…</source>
        <translation>测试扫码枪和摄像头…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.ui" line="+5"/>
        <source>Store settings apply to every desk of the store and each change is recorded in the audit log. Device settings belong to this computer only.</source>
        <translation>门店设置适用于本店所有前台，每次更改都会记入审计日志。设备设置仅属于本机。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Language of this desk</source>
        <translation>本机界面语言</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <location filename="../../desktop_app/qt/pages/shift_dialog.py" line="+76"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 500</source>
        <translation>例如 500</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash counted</source>
        <translation>现金清点金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank card counted</source>
        <translation>银行卡清点金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat Pay counted</source>
        <translation>微信支付清点金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alipay counted</source>
        <translation>支付宝清点金额</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>X report</source>
        <translation>X 报表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close shift (Z report)</source>
        <translation>交班（Z 报表）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No shift is open on this desk</source>
        <translation>本前台没有进行中的班次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shift %1 open · float %2</source>
        <translation>班次 %1 进行中 · 备用金 %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+36"/>
        <source>Not an amount: %s</source>
        <translation>不是有效金额：%s</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Shift %1 opened</source>
        <translation>班次 %1 已开班</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>X report (the shift stays open)</source>
        <translation>X 报表（班次继续）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Count the cash in the drawer first</source>
        <translation>请先清点钱箱中的现金</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Closing a shift needs a manager&apos;s approval.</source>
        <translation>交班需要经理批准。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Shift closed: Z report</source>
        <translation>已交班：Z 报表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over %1</source>
        <translation>长款 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>short %1</source>
        <translation>短款 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cash balances %1</source>
        <translation>现金相符 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sales %1 (%2) · refunds %3 (%4) · net %5 · top-ups %6 · cash expected %7</source>
        <translation>销售 %1 笔（%2）· 退款 %3 笔（%4）· 净额 %5 · 充值 %6 · 应有现金 %7</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <location filename="../../desktop_app/qt/sign_in.py" line="+81"/>
        <source>Enter your staff code.</source>
        <translation>请输入员工编号。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter your PIN.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.ui" line="+9"/>
        <source>Frontdesk - Sign in</source>
        <translation>前台系统 - 登录</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Frontdesk</source>
        <translation>前台系统</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign in with your staff code and PIN.</source>
        <translation>请输入员工编号和密码登录。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Staff code</source>
        <translation>员工编号</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <location filename="../../desktop_app/qt/first_run_pages.py" line="-188"/>
        <source>Enter the store&apos;s name.</source>
        <translation>请输入门店名称。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your store</source>
        <translation>您的门店</translation>
    </message>
</context>
<context>
    <name>StrikesDialog</name>
    <message>
        <location filename="../../desktop_app/qt/pages/class_dialogs.py" line="+126"/>
        <source>Strikes and booking ban</source>
        <translation>违约记录与预约禁令</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Class missed</source>
        <translation>缺席的课</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why is this strike forgiven?</source>
        <translation>为什么免除这次违约？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forgive the selected strike</source>
        <translation>免除所选违约</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>New bookings barred until %1</source>
        <translation>%1 前禁止新预约</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>May book</source>
        <translation>可以预约</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forgiven: %1</source>
        <translation>已免除：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counts</source>
        <translation>计入</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This strike is already forgiven.</source>
        <translation>这次违约已被免除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forgiving a strike needs a note.</source>
        <translation>免除违约需要备注。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Forgiving a strike needs a manager.</source>
        <translation>免除违约需要经理批准。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Strike forgiven.</source>
        <translation>违约已免除。</translation>
    </message>
</context>
<context>
    <name>SyncGroup</name>
    <message>
        <location filename="../../desktop_app/qt/pages/settings_sync.py" line="+54"/>
        <source>Only an administrator can enrol this desk with a server.</source>
        <translation>只有管理员可以将本机登记到服务器。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the server address (http:// or https://) and the one-time code from the server.</source>
        <translation>请输入服务器地址（http:// 或 https://）以及服务器提供的一次性注册码。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enrolled with %1 as device %2. Changes waiting to be sent: %3.</source>
        <translation>已注册到 %1，设备编号 %2。待发送的更改：%3。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not enrolled: this desk works on its own. Changes waiting to be sent: %1.</source>
        <translation>未注册：本前台独立运行。待发送的更改：%1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-time code</source>
        <translation>一次性注册码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrol this desk</source>
        <translation>注册本前台</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../desktop_app/qt/widgets/sync_status.py" line="+104"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Not connected to a server</source>
        <translation>未连接服务器</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Loading data from the server…</source>
        <translation>正在从服务器加载数据…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This desk was disconnected by the server</source>
        <translation>服务器已停用本前台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update needed to receive changes</source>
        <translation>需要更新才能接收更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message numerus="yes">
        <location line="-19"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 条待同步</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n need attention</source>
        <translation>
            <numerusform>%n 条需处理</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sync failed, trying again (details in the log)</source>
        <translation>同步失败，正在重试（详见日志）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cards</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bookings</source>
        <translation>预约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search index</source>
        <translation>搜索索引</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other data</source>
        <translation>其他数据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changes the server did differently</source>
        <translation>服务器处理结果不同的更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>adjusted</source>
        <translation>已调整</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../../desktop_app/qt/pages/reports_views.py" line="-216"/>
        <source>previous %1 (%2)
last week %3 (%4)</source>
        <translation>前一期 %1（%2）
上周同日 %3（%4）</translation>
    </message>
</context>
<context>
    <name>TopUpDialog</name>
    <message>
        <location filename="../../desktop_app/qt/pages/topup_dialog.py" line="+62"/>
        <source>Stored value top-up</source>
        <translation>储值充值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid by</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bonus</source>
        <translation>赠送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 1000</source>
        <translation>例如 1000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Top up</source>
        <translation>充值</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>+%1 bonus</source>
        <translation>赠送 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no bonus at this amount</source>
        <translation>此金额无赠送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>balance after %1</source>
        <translation>充值后余额 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type the amount paid</source>
        <translation>请输入实付金额</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Top-ups need a manager&apos;s approval.</source>
        <translation>充值需要经理批准。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Topped up %1 (bonus %2): balance %3</source>
        <translation>已充值 %1（赠送 %2）：余额 %3</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../desktop_app/qt/widgets/verdict_panel.py" line="+114"/>
        <source>Ready to scan</source>
        <translation>请扫码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan a card or type a name, phone or number.</source>
        <translation>扫描会员卡，或输入姓名、手机号、会员号。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Allowed</source>
        <translation>允许入场</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denied</source>
        <translation>拒绝入场</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allowed by override</source>
        <translation>已强制放行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No member for this code</source>
        <translation>此码没有对应会员</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <location line="+23"/>
        <source>%n unit(s) left</source>
        <translation>
            <numerusform>剩余 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+23"/>
        <source>unlimited</source>
        <translation>不限次</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Will use: %1</source>
        <translation>将使用：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No entitlement used</source>
        <translation>未使用权益</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Ctrl+1-9 or Ctrl+E: switch · Enter: confirm now (confirms by itself in a few seconds)</source>
        <translation>Ctrl+1-9 或 Ctrl+E：切换 · Enter：立即确认（几秒后自动确认）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
</context>
<context>
    <name>WizardAdminPage</name>
    <message>
        <location filename="../../ui/wizard_admin.ui" line="+9"/>
        <source>The first administrator can change every setting and add the other staff. Staff sign in with their code and a PIN of 4 to 8 digits.</source>
        <translation>首位管理员可以修改所有设置并添加其他员工。员工使用员工编号和 4 到 8 位数字密码登录。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Staff code</source>
        <translation>员工编号</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PIN again</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>WizardEnrolPage</name>
    <message>
        <location filename="../../ui/wizard_enrol.ui" line="+9"/>
        <source>If your stores share a Frontdesk server, enrol this desk with it: an administrator makes a one-time code on the server. Without a server the desk works on its own; you can enrol it later in Settings.</source>
        <translation>如果您的门店共用一台 Frontdesk 服务器，请将本前台注册到该服务器：由管理员在服务器上生成一次性注册码。没有服务器时，前台可独立运行；以后可在设置中注册。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enrol this desk with a server now</source>
        <translation>现在将本前台注册到服务器</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>One-time code</source>
        <translation>一次性注册码</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name of this desk</source>
        <translation>本前台名称</translation>
    </message>
</context>
<context>
    <name>WizardStorePage</name>
    <message>
        <location filename="../../ui/wizard_store.ui" line="+9"/>
        <source>Welcome to Frontdesk. A few questions and this desk is ready: the store, the first administrator, the printer and scanner, and (if you have one) the server.</source>
        <translation>欢迎使用 Frontdesk。回答几个问题即可开始使用：门店信息、首位管理员、打印机和扫码枪，以及服务器（如有）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The name and address are printed at the top of every receipt. You can change them later in Settings.</source>
        <translation>名称和地址会打印在每张小票顶部。以后可在设置中修改。</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../desktop_app/qt/pages/class_dialogs.py" line="-345"/>
        <source>Not booked: three no-shows bar new bookings until %1.</source>
        <translation>未预约：三次缺席，%1 前禁止新预约。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not booked: the session is cancelled.</source>
        <translation>未预约：这节课已取消。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not booked: the session has already started.</source>
        <translation>未预约：这节课已经开始。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not booked: booking is not open yet for this session.</source>
        <translation>未预约：这节课尚未开放预约。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not booked: the member is barred after no-shows.</source>
        <translation>未预约：会员因缺席被禁止预约。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not booked: the member has too many upcoming bookings.</source>
        <translation>未预约：会员待上的预约太多。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not booked: the member has a seat in a session at the same time.</source>
        <translation>未预约：会员在同一时间已有预约。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not booked: the member is archived.</source>
        <translation>未预约：会员已归档。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not booked: no valid membership or class credits cover this class.</source>
        <translation>未预约：没有适用于此课程的有效会籍或课时。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not booked (%1).</source>
        <translation>未预约（%1）。</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CheckoutPage</name>
    <message>
        <location filename="../../desktop_app/qt/pages/checkout.py" line="+12"/>
        <source>Checkout</source>
        <translation>收银</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sales, tenders and receipts arrive with the checkout feature.</source>
        <translation>销售、收款和小票将随收银功能推出。</translation>
    </message>
</context>
<context>
    <name>ClassesPage</name>
    <message>
        <location filename="../../desktop_app/qt/pages/classes.py" line="+12"/>
        <source>Classes</source>
        <translation>课程</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Class schedules and bookings arrive with the classes feature.</source>
        <translation>课程表和预约将随课程功能推出。</translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <location filename="../../desktop_app/qt/session.py" line="+70"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>This desk needs a first administrator before anyone can sign in.</source>
        <translation>需要先创建首位管理员，才能登录。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Only the staff member who locked the desk can unlock it.</source>
        <translation>只有锁定前台的员工才能解锁。</translation>
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
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../desktop_app/qt/first_admin_dialog.py" line="+47"/>
        <source>Enter a staff code and a name.</source>
        <translation>请输入员工编号和姓名。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
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
        <location line="+11"/>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../ui/first_admin.ui" line="+9"/>
        <source>Create the first administrator</source>
        <translation>创建首位管理员</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This desk has no staff yet. Create the first administrator: they can add the other staff later.</source>
        <translation>本机还没有员工。请创建首位管理员，之后可由其添加其他员工。</translation>
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
        <translation>确认密码</translation>
    </message>
</context>
<context>
    <name>FrontDeskPage</name>
    <message>
        <location filename="../../desktop_app/qt/pages/front_desk.py" line="+12"/>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check-in arrives with the check-in feature. Members will be scanned or looked up here.</source>
        <translation>签到功能即将推出。届时可在此扫码或查找会员。</translation>
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
        <location line="+15"/>
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
        <location filename="../../desktop_app/qt/main_window.py" line="+95"/>
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
        <location line="+52"/>
        <source>Sync: not set up</source>
        <translation>同步：未设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printer: not set up</source>
        <translation>打印机：未设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner: keyboard</source>
        <translation>扫码枪：键盘模式</translation>
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
    <name>MembersPage</name>
    <message>
        <location filename="../../desktop_app/qt/pages/members.py" line="+12"/>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Member search and profiles arrive with the members feature.</source>
        <translation>会员搜索和会员资料将随会员功能推出。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../desktop_app/qt/pages/reports.py" line="+12"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The daily summary arrives with the reports feature.</source>
        <translation>每日汇总将随报表功能推出。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../desktop_app/qt/pages/settings.py" line="+33"/>
        <location filename="../../ui/settings_page.ui" line="+16"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.ui" line="+5"/>
        <source>Language of this desk</source>
        <translation>本机界面语言</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lock after idle</source>
        <translation>空闲自动锁定</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Editing store settings, printers, scanners and sync arrives with the settings feature.</source>
        <translation>门店设置、打印机、扫码枪和同步的编辑将随设置功能推出。</translation>
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
        <location line="+11"/>
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
</TS>

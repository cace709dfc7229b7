; Inno Setup script for the Windows build of Frontdesk (English and Simplified Chinese).
; Build the one-folder bundle first on Windows: pyinstaller installer\frontdesk.spec
; then: iscc installer\windows\frontdesk.iss
; tests/unit/test_installer_files.py keeps this file in step with the project.

#define AppName "Frontdesk"
#define AppVersion "0.1.0"
#define AppExe "frontdesk.exe"

[Setup]
AppId={{6B1F2C8E-5A0D-4E7B-9C61-3F2D7A9E1B40}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Frontdesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputBaseFilename=frontdesk-{#AppVersion}-windows-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
SetupIconFile=frontdesk.ico
UninstallDisplayIcon={app}\{#AppExe}

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[CustomMessages]
en.LaunchApp=Start Frontdesk now
zh_CN.LaunchApp=立即启动前台收银

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\build\dist\frontdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

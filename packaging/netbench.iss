; Inno Setup 6 script: the Windows installer for the frozen app in dist\netbench\.
;
; On Windows, from the repository root, with Python 3.11+ and Inno Setup 6 installed:
;   py -m venv .venv
;   .venv\Scripts\pip install -c constraints.txt -e .[package]
;   .venv\Scripts\pyinstaller --noconfirm packaging\netbench.spec
;   .venv\Scripts\python -c "import subprocess,sys; sys.exit(subprocess.call(['dist/netbench/netbench.exe', '--self-test']))"
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\netbench.iss
; writes dist\netbench-<version>-setup.exe. The version is read from netbench\__init__.py;
; ISCC /DAppVersion=1.2.3 overrides it.

#ifndef AppVersion
  #define VersionFile FileOpen(AddBackslash(SourcePath) + "..\netbench\__init__.py")
  #define VersionLine FileRead(VersionFile)
  #expr FileClose(VersionFile)
  ; __version__ = "0.1.0"  ->  0.1.0
  #define AppVersion Copy(VersionLine, Pos('"', VersionLine) + 1, RPos('"', VersionLine) - Pos('"', VersionLine) - 1)
#endif

[Setup]
; AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{7E8788BF-7BEB-4B96-B7AC-9DF8F75E3105}
AppName=netbench
AppVersion={#AppVersion}
AppVerName=netbench {#AppVersion}
AppPublisher=netbench developers
DefaultDirName={autopf}\netbench
DefaultGroupName=netbench
DisableProgramGroupPage=yes
; Installs for the current user without asking for admin rights; the user may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=netbench-{#AppVersion}-setup
SetupIconFile=..\resources\icons\netbench.ico
UninstallDisplayIcon={app}\netbench.exe
UninstallDisplayName=netbench
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese is a third-party translation: used when the compiler has it.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder app; stale files from an older version are removed first (see below).
Source: "..\dist\netbench\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle as a whole: a library left over from an older Qt would load.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\netbench"; Filename: "{app}\netbench.exe"
Name: "{autodesktop}\netbench"; Filename: "{app}\netbench.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\netbench.exe"; Description: "{cm:LaunchProgram,netbench}"; Flags: nowait postinstall skipifsilent

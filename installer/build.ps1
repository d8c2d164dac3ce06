# installer/build.ps1 [-NoMaven] - Underlay's Windows packages where bash is not at hand: the app image and an .msi
# in target\installer\dist. The same steps as build.sh (read it for the why; decision 0008): Maven -Pinstaller,
# jlink with JavaFX's modular jars (their DLLs into the runtime's bin\), jpackage app-image, the AppCDS archive,
# then jpackage --type msi. Needs a JDK 17 with jmods (JAVA_HOME) and the WiX Toolset 3 (candle.exe, light.exe)
# on the PATH for the .msi. Not run in CI: CI is Linux; this recipe follows jpackage's documented Windows options.
param([switch]$NoMaven)
$ErrorActionPreference = 'Stop'
$Root = Split-Path -Parent $PSScriptRoot
$Here = Join-Path $Root 'installer'
$Out = Join-Path $Root 'target\installer'
if (-not $env:JAVA_HOME) { throw 'set JAVA_HOME to a JDK 17 (with jmods)' }
$Jmods = Join-Path $env:JAVA_HOME 'jmods'
if (-not (Test-Path $Jmods)) { throw "$env:JAVA_HOME has no jmods (jlink needs a full JDK)" }

if (-not $NoMaven) {
    Push-Location $Root
    try { & mvn -B -q -Pinstaller -DskipTests package; if ($LASTEXITCODE) { throw 'maven failed' } } finally { Pop-Location }
}
$Version = (Get-Content (Join-Path $Out 'version.txt') -Raw).Trim()
$AppVersion = ($Version -split '-')[0]

$Modules = (Get-Content (Join-Path $Here 'modules.txt') | Where-Object { $_ -and -not $_.StartsWith('#') }) -join ','
$FxGraphics = Get-ChildItem (Join-Path $Out 'javafx\javafx-graphics-*.jar') | Select-Object -First 1
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $Out 'runtime'), (Join-Path $Out 'image'), (Join-Path $Out 'dist')
& "$env:JAVA_HOME\bin\jlink" --module-path "$Jmods;$(Join-Path $Out 'javafx')" --add-modules $Modules `
    --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive `
    --exclude-resources 'glob:/javafx.graphics/*.dll' --output (Join-Path $Out 'runtime')
if ($LASTEXITCODE) { throw 'jlink failed' }
# JavaFX's DLLs beside the JDK's, where JavaFX looks first (no unpacking into the user's profile)
Add-Type -AssemblyName System.IO.Compression.FileSystem
$Zip = [IO.Compression.ZipFile]::OpenRead($FxGraphics.FullName)
try {
    foreach ($e in $Zip.Entries | Where-Object { $_.Name -like '*.dll' }) {
        [IO.Compression.ZipFileExtensions]::ExtractToFile($e, (Join-Path $Out "runtime\bin\$($e.Name)"), $true)
    }
} finally { $Zip.Dispose() }

$JavaOptions = Get-Content (Join-Path $Here 'jvm-options.txt') | Where-Object { $_ -and -not $_.StartsWith('#') } |
    ForEach-Object { '--java-options'; $_ }
$Common = @('--name', 'underlay', '--app-version', $AppVersion, '--vendor', 'Underlay',
    '--description', 'Operations console for racks and clouds', '--copyright', 'Underlay authors')
$Icon = Join-Path $Here 'windows\underlay.ico'
$IconOpt = @(); if (Test-Path $Icon) { $IconOpt = @('--icon', $Icon) }
New-Item -ItemType Directory -Force (Join-Path $Out 'image'), (Join-Path $Out 'dist') | Out-Null
# two launchers: underlay.exe (the console, no console window) and underlay-cli.exe (the CLI, a console program)
& "$env:JAVA_HOME\bin\jpackage" --type app-image @Common @IconOpt --dest (Join-Path $Out 'image') `
    --input (Join-Path $Out 'app') --main-jar underlay.jar --main-class dev.underlay.app.Main `
    --runtime-image (Join-Path $Out 'runtime') @JavaOptions `
    --add-launcher "underlay-cli=$(Join-Path $Here 'windows\underlay-cli.properties')"
if ($LASTEXITCODE) { throw 'jpackage app-image failed' }
$Image = Join-Path $Out 'image\underlay'
# AppCDS: the CLI's training runs (the console's need a desktop session; see cds.sh), then one static archive
$Java = Join-Path $Image 'runtime\bin\java.exe'
$AppDir = Join-Path $Image 'app'
$Jar = Join-Path $AppDir 'underlay.jar'
$T = Join-Path ([IO.Path]::GetTempPath()) ("underlay-cds-" + [guid]::NewGuid())
New-Item -ItemType Directory $T | Out-Null
try {
    $Opts = @('-XX:TieredStopAtLevel=1', '-XX:+UseG1GC', "-Dunderlay.keys=$T\keys", '-cp', $Jar)
    $Runs = @(@('version', '--version'), @('export', 'export', "$T\inv.json", '--format', 'json', '--data', "$T\fresh"),
        @('import', 'import', "$T\inv.json", '--data', "$T\imported"), @('machines', 'machines', '--query', 'all', '--data', "$T\imported"))
    foreach ($r in $Runs) {
        & $Java @Opts "-XX:DumpLoadedClassList=$T\$($r[0]).classlist" dev.underlay.app.Main @($r | Select-Object -Skip 1) | Out-Null
    }
    Get-Content "$T\*.classlist" | Select-Object -Unique | Set-Content "$T\all.classlist"
    & $Java -XX:TieredStopAtLevel=1 -XX:+UseG1GC -Xshare:dump "-XX:SharedClassListFile=$T\all.classlist" `
        "-XX:SharedArchiveFile=$AppDir\underlay.jsa" -cp $Jar | Out-Null
} finally { Remove-Item -Recurse -Force $T }

& "$env:JAVA_HOME\bin\jpackage" --type msi @Common @IconOpt --app-image $Image --dest (Join-Path $Out 'dist') `
    --resource-dir (Join-Path $Here 'windows') --win-menu --win-menu-group Underlay --win-shortcut `
    --win-dir-chooser --win-upgrade-uuid 3f1f8c0e-5a3c-4c2e-9a57-1d0e2b7c9f11
if ($LASTEXITCODE) { throw 'jpackage msi failed' }
Write-Host "installer: done: $(Get-ChildItem (Join-Path $Out 'dist') | ForEach-Object Name)"

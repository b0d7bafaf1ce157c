@echo off
rem Curtain's launcher on Windows, as ./curtain is elsewhere: builds the jar when it is missing, then runs it.
rem   curtain                the app on the built-in default lesson
rem   curtain --help         every command (open, simulate, validate, explore, render, bench)
rem   curtain package        the installable app: an image with its own runtime, and an .msi (needs WiX 3)
rem Unlike ./curtain it does not rebuild when the sources change: run "mvn -DskipTests package" after an edit.
setlocal
set "here=%~dp0"
set "jar=%here%target\curtain.jar"
if /i "%~1"=="package" goto package
if exist "%jar%" goto run
echo curtain: building (first run)... 1>&2
pushd "%here%"
call mvn -q -B -DskipTests package
popd
if not exist "%jar%" exit /b 1
:run
set "opts="
if /i "%~1"=="bench" set "opts=-Xms4g -Xmx4g -Xmn2g -XX:+AlwaysPreTouch"
java %opts% %CURTAIN_JAVA_OPTS% -jar "%jar%" %*
exit /b %errorlevel%
:package
pushd "%here%"
call mvn -q -B -DskipTests -Dinstaller package
set "rc=%errorlevel%"
popd
echo curtain: app image in target\installer\image\curtain, package in target\installer 1>&2
exit /b %rc%

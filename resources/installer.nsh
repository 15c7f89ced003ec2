; Included by electron-builder's NSIS installer (electron-builder.yml: nsis.include).
; The tablets reach the chair laptop over the room's LAN. Windows Defender's first-listen prompt
; ticks "Private networks" only, and venue networks are often classified Public: tablets then time
; out with no message. The installer runs per machine (elevated), so it adds the rule itself, for
; the app's executable, inbound TCP, on the private and public profiles (domain too: a laptop
; joined to a domain at the venue). The uninstaller removes it.

!macro customInstall
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="Pingyi (tablets)"'
  nsExec::ExecToLog 'netsh advfirewall firewall add rule name="Pingyi (tablets)" dir=in action=allow protocol=TCP program="$INSTDIR\${APP_EXECUTABLE_FILENAME}" profile=private,public,domain enable=yes'
!macroend

!macro customUnInstall
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="Pingyi (tablets)"'
!macroend

<map version="freeplane 1.9.8">
<!--To view this file, download free mind mapping software Freeplane from https://www.freeplane.org -->
<node TEXT="ENERGY SYSTEMS (A-level PE, paper 1)" FOLDED="false" ID="ID_1090958577" CREATED="1706780000000" MODIFIED="1707400000000">
<hook NAME="MapStyle" zoom="0.9"/>
<richcontent TYPE="NOTE">
<html><head></head><body>
<p>made this from Mrs Okafor's slides + the Hodder book ch.7. colours = green is aerobic, red is anaerobic</p>
</body></html>
</richcontent>
<node TEXT="ATP" POSITION="right" ID="ID_201" COLOR="#000000">
<node TEXT="ATP = adenosine triphosphate" ID="ID_202"/>
<node TEXT="only usable source of energy for muscle contraction" ID="ID_203"/>
<node TEXT="ATPase breaks ATP down -&gt; ADP + Pi + energy" ID="ID_204">
<richcontent TYPE="NOTE">
<html><head></head><body>
<p>exothermic reaction. ATPase = the enzyme. DON'T write "ATP makes energy" - it RELEASES it</p>
</body></html>
</richcontent>
</node>
<node TEXT="stores in muscle only last about 2-3 secs" ID="ID_205"/>
<node TEXT="so ATP has to be resynthesised - 3 systems do this" ID="ID_206"/>
</node>
<node TEXT="ATP-PC system" POSITION="right" ID="ID_301" COLOR="#cc0000">
<node TEXT="anaerobic, happens in the sarcoplasm" ID="ID_302"/>
<node TEXT="phosphocreatine (PC) broken down by creatine kinase" ID="ID_303">
<richcontent TYPE="NOTE">
<html><head></head><body>
<p>PC -&gt; P + C + energy, energy used to rebuild ATP (coupled reaction)</p>
</body></html>
</richcontent>
</node>
<node TEXT="1 PC resynthesises 1 ATP (1:1 ratio)" ID="ID_304"/>
<node TEXT="lasts approx 8-10 seconds" ID="ID_305"/>
<node TEXT="+ very fast, no fatiguing by-products" ID="ID_306"/>
<node TEXT="- low ATP yield, PC stores run out quickly" ID="ID_307"/>
<node TEXT="eg 100m sprint, shot put, a tennis serve" ID="ID_308"/>
</node>
<node TEXT="Anaerobic glycolytic (lactate) system" POSITION="right" ID="ID_401" COLOR="#cc0000">
<node TEXT="also in sarcoplasm, no oxygen" ID="ID_402"/>
<node TEXT="glycogen -&gt; glucose  (enzyme: glycogen phosphorylase)" ID="ID_403"/>
<node TEXT="glucose -&gt; pyruvic acid (enzyme: PFK, phosphofructokinase)" ID="ID_404"/>
<node TEXT="no O2 so pyruvic acid -&gt; lactic acid by LDH (lactate dehydrogenase)" ID="ID_405"/>
<node TEXT="net yield = 2 ATP per molecule of glucose" ID="ID_406"/>
<node TEXT="dominant from ~10 s up to about 3 mins, eg 400m" ID="ID_407"/>
<node TEXT="lactic acid -&gt; H+ ions, lower pH, inhibits enzymes = fatigue" ID="ID_408">
<richcontent TYPE="NOTE">
<html><head></head><body>
<p>ask Mrs O if we need to say lactate or lactic acid in the exam?? (she said either is fine)</p>
</body></html>
</richcontent>
</node>
<node TEXT="OBLA = onset of blood lactate accumulation, at about 4 mmol/l" ID="ID_409"/>
</node>
<node TEXT="Aerobic system" POSITION="left" ID="ID_501" COLOR="#00aa00">
<node TEXT="3 stages" ID="ID_502">
<node TEXT="1. aerobic glycolysis - in sarcoplasm, glucose -&gt; pyruvic acid, 2 ATP" ID="ID_503"/>
<node TEXT="2. Krebs cycle - in the matrix of the mitochondria" ID="ID_504">
<richcontent TYPE="NOTE">
<html><head></head><body>
<p>pyruvic acid + coenzyme A -&gt; acetyl CoA. acetyl CoA joins oxaloacetic acid to make citric acid.</p>
<p>Krebs makes 2 ATP, gives off CO2 and hydrogen (the H goes to the ETC)</p>
</body></html>
</richcontent>
</node>
<node TEXT="3. electron transport chain - on the cristae of the mitochondria" ID="ID_505">
<richcontent TYPE="NOTE">
<html><head></head><body>
<p>hydrogen carried by NAD/FAD, split into H+ and electrons. makes 34 ATP, H+ + O2 -&gt; water</p>
</body></html>
</richcontent>
</node>
</node>
<node TEXT="total = 38 ATP per glucose molecule" ID="ID_506"/>
<node TEXT="fats: beta oxidation turns fatty acids into acetyl CoA -&gt; Krebs" ID="ID_507"/>
<node TEXT="fats give more ATP than glucose but need more O2" ID="ID_508"/>
<node TEXT="eg marathon, long steady swim" ID="ID_509"/>
<node TEXT="- slow, needs lots of oxygen, can't do high intensity" ID="ID_510"/>
</node>
<node TEXT="Energy continuum" POSITION="left" ID="ID_601">
<node TEXT="all 3 systems work all the time, which one predominates depends on INTENSITY and DURATION" ID="ID_602"/>
<node TEXT="exam Q: they give you a sport, you say which system + WHY (intensity/duration)" ID="ID_603"/>
</node>
<node TEXT="Recovery / EPOC" POSITION="left" ID="ID_701">
<node TEXT="EPOC = excess post-exercise oxygen consumption" ID="ID_702"/>
<node TEXT="fast (alactacid) component" ID="ID_703">
<node TEXT="restores ATP and PC stores + resaturates myoglobin with O2" ID="ID_704"/>
<node TEXT="takes about 2-3 mins, uses about 1-4 litres of O2" ID="ID_705"/>
<node TEXT="PC: 50% restored in 30 s, 100% in about 3 mins" ID="ID_706"/>
</node>
<node TEXT="slow (lactacid) component" ID="ID_707">
<node TEXT="removes lactic acid, keeps HR + breathing rate raised, body temp raised" ID="ID_708"/>
<node TEXT="can take several hours, 5-8 litres of O2" ID="ID_709"/>
<node TEXT="most lactic acid oxidised -&gt; CO2 + H2O, some -&gt; glucose in liver (Cori cycle)" ID="ID_710"/>
</node>
<node TEXT="myoglobin = stores O2 in the muscle, higher affinity for O2 than haemoglobin" ID="ID_711"/>
<node TEXT="active cool down keeps capillaries dilated -&gt; flushes out lactic acid faster" ID="ID_712"/>
<node TEXT="REVISE THIS!!! 8 marker last year" ID="ID_713"/>
</node>
</node>
</map>
